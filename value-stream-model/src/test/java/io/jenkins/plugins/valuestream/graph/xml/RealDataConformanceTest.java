package io.jenkins.plugins.valuestream.graph.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.valuestream.graph.GraphNode;
import io.jenkins.plugins.valuestream.graph.NodeKind;
import io.jenkins.plugins.valuestream.testing.RealData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads every JENKINS_HOME of the real data (build folders written by real controllers, and the serial-form fixtures
 * of the Jenkins workflow plugins, corrupt and cyclic graphs included) and checks the reader against an independent
 * DOM read of the same files.
 */
public class RealDataConformanceTest {
    private static final Pattern FLOW_BUILD = Pattern.compile("<flow-build[\\s>]");
    private static final Pattern NODE_FILE = Pattern.compile("\\d+\\.xml");

    private static Path realData;
    private static final List<Path> homes = new ArrayList<>();
    private static final Map<Path, RunRecord> runs = new HashMap<>();
    private static final Map<Path, SkippedRun> skipped = new HashMap<>();
    private static int otherBuilds;
    private static DocumentBuilder domBuilder;
    private static final Map<Path, Optional<Map<String, StoredNode>>> storedByFolder = new HashMap<>();

    @BeforeClass
    public static void readAllHomes() throws IOException {
        realData = RealData.folderOrSkip();
        homes.addAll(RealData.jenkinsHomes(realData, "jenkins-home", "plugin-fixtures"));
        BuildFolderReader reader = new BuildFolderReader();
        for (Path home : homes) {
            reader.readJenkinsHome(home, new ReadListener() {
                @Override
                public void run(RunRecord run) {
                    runs.put(run.folder(), run);
                }

                @Override
                public void skipped(SkippedRun run) {
                    skipped.put(run.folder(), run);
                }

                @Override
                public void otherBuild(String job, Path folder, String root) {
                    otherBuilds++;
                }
            });
        }
        printSummary();
    }

    @Test
    public void everyPipelineRunFolderIsReadOrSkippedWithAReason() throws IOException {
        List<Path> pipelineRuns = pipelineRunFolders();

        assertThat(pipelineRuns).isNotEmpty();
        for (Path folder : pipelineRuns) {
            assertThat(runs.containsKey(folder) || skipped.containsKey(folder)).as("%s", folder).isTrue();
        }
        assertThat(runs.size() + skipped.size()).isEqualTo(pipelineRuns.size());
    }

    @Test
    public void noRunIsSkippedForADefectOfTheReader() {
        assertThat(skipped.values()).noneMatch(run -> run.reason().startsWith("could not be read: "));
    }

    @Test
    public void everyRunFolderWithFlowNodesYieldsAGraph() throws IOException {
        for (Path folder : pipelineRunFolders()) {
            if (storedNodes(folder) == null) {
                continue;
            }
            if (folder.startsWith(realData.resolve("plugin-fixtures")) && skipped.containsKey(folder)) {
                // Deliberately damaged test fixtures may be refused, with a reason.
                assertThat(skipped.get(folder).reason()).isNotBlank();
                continue;
            }
            RunRecord run = runs.get(folder);
            assertThat(run).as("%s", folder).isNotNull();
            assertThat(run.graph()).as("%s", folder).isNotNull();
            assertThat(run.graph().isEmpty()).as("%s", folder).isFalse();
        }
    }

    @Test
    public void startTimesAreTheTimingActionsOfAnIndependentRead() {
        int compared = 0;
        for (RunRecord run : runs.values()) {
            Map<String, StoredNode> stored = storedNodes(run.folder());
            if (stored == null) {
                assertThat(run.graph()).as("%s", run.folder()).isNull();
                continue;
            }
            assertThat(run.graph().nodes()).extracting(GraphNode::id).as("%s", run.folder())
                    .containsExactlyInAnyOrderElementsOf(stored.keySet());
            for (GraphNode node : run.graph().nodes()) {
                assertThat(node.startMillis()).as("%s node %s", run.folder(), node.id())
                        .isEqualTo(stored.get(node.id()).start());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    public void parentsStepFunctionsBodiesLabelsAndErrorsMatchAnIndependentRead() {
        for (RunRecord run : runs.values()) {
            Map<String, StoredNode> stored = storedNodes(run.folder());
            if (stored == null) {
                continue;
            }
            for (GraphNode node : run.graph().nodes()) {
                StoredNode expected = stored.get(node.id());
                String where = run.folder() + " node " + node.id();
                assertThat(node.parentIds()).as(where).isEqualTo(expected.parents());
                if (node.kind() != NodeKind.FLOW_START && node.kind() != NodeKind.FLOW_END) {
                    assertThat(node.function()).as(where).isEqualTo(expected.function());
                }
                assertThat(node.body()).as(where).isEqualTo(expected.body());
                assertThat(node.label()).as(where).isEqualTo(expected.label());
                assertThat(node.error() != null).as(where).isEqualTo(expected.failed());
            }
        }
    }

    @Test
    public void nodesComeInNumericIdOrder() {
        for (RunRecord run : runs.values()) {
            if (run.graph() == null) {
                continue;
            }
            List<Long> ids = run.graph().nodes().stream().map(node -> Long.parseLong(node.id())).toList();
            assertThat(ids).as("%s", run.folder()).isSorted();
        }
    }

    /** Folders under which a {@code jobs} folder starts a JENKINS_HOME (not the {@code jobs} of a Jenkins folder). */
    /** Run folders ({@code builds/<x>/build.xml} with a {@code flow-build} root) below the homes, found by name. */
    private static List<Path> pipelineRunFolders() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path home : homes) {
            try (Stream<Path> files = Files.walk(home.resolve("jobs"))) {
                for (Path buildXml : files.filter(file -> file.getFileName().toString().equals("build.xml")).toList()) {
                    Path folder = buildXml.getParent();
                    boolean jobBuild = folder.getParent().getFileName().toString().equals("builds")
                            && !folder.getParent().getParent().getParent().getFileName().toString().equals("modules");
                    if (jobBuild && !Files.isSymbolicLink(folder) && FLOW_BUILD.matcher(head(buildXml)).find()) {
                        folders.add(folder);
                    }
                }
            }
        }
        return folders;
    }

    private static String head(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8);
    }

    /** What a DOM read finds of one stored flow node. */
    private record StoredNode(Long start, List<String> parents, String function, boolean body, String label,
            boolean failed) {
    }

    /** The nodes stored in a run folder, read with a DOM from whichever storage it has, or {@code null}. */
    private static Map<String, StoredNode> storedNodes(Path runFolder) {
        return storedByFolder.computeIfAbsent(runFolder, folder -> Optional.ofNullable(readStoredNodes(folder)))
                .orElse(null);
    }

    private static Map<String, StoredNode> readStoredNodes(Path runFolder) {
        try {
            for (String folder : new String[] {"workflow-completed", "workflow"}) {
                Path dir = runFolder.resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                Map<String, StoredNode> nodes = new TreeMap<>();
                Path bulk = dir.resolve("flowNodeStore.xml");
                if (Files.isRegularFile(bulk)) {
                    NodeList tags = parse(bulk).getDocumentElement().getElementsByTagName("Tag");
                    for (int i = 0; i < tags.getLength(); i++) {
                        putNode((Element) tags.item(i), nodes);
                    }
                    return nodes;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> NODE_FILE.matcher(f.getFileName().toString()).matches())
                            .toList()) {
                        putNode(parse(file).getDocumentElement(), nodes);
                    }
                }
                if (!nodes.isEmpty()) {
                    return nodes;
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError("independent read of " + runFolder + " failed", e);
        }
    }

    private static void putNode(Element tag, Map<String, StoredNode> nodes) {
        Element node = child(tag, "node");
        String id = child(node, "id").getTextContent().strip();
        List<String> parents = new ArrayList<>();
        Element parentList = child(node, "parentIds") != null ? child(node, "parentIds") : child(node, "parents");
        for (Element parent : children(parentList)) {
            parents.add(parent.getTextContent().strip());
        }
        Element descriptor = child(node, "descriptorId");
        Long start = null;
        boolean body = false;
        String label = null;
        String branchLabel = null;
        boolean failed = false;
        for (Element action : children(child(tag, "actions"))) {
            String name = action.getTagName();
            if (name.endsWith(".TimingAction") && start == null) {
                start = Long.valueOf(child(action, "startTime").getTextContent().strip());
            } else if (name.endsWith(".BodyInvocationAction")) {
                body = true;
            } else if (name.endsWith(".LabelAction") && child(action, "displayName") != null && label == null) {
                label = child(action, "displayName").getTextContent();
            } else if (name.endsWith("_-ParallelLabelAction")) {
                branchLabel = "Branch: " + child(action, "branchName").getTextContent();
            } else if (name.endsWith(".ErrorAction")) {
                failed = true;
            }
        }
        nodes.put(id, new StoredNode(start, parents, descriptor == null ? null : descriptor.getTextContent().strip(),
                body, label != null ? label : branchLabel, failed));
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        if (parent != null) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element) {
                    children.add(element);
                }
            }
        }
        return children;
    }

    private static Element child(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(Path file) throws Exception {
        if (domBuilder == null) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setExpandEntityReferences(false);
            domBuilder = factory.newDocumentBuilder();
        }
        return domBuilder.parse(file.toFile());
    }

    private static void printSummary() {
        int nodes = 0;
        RunRecord largest = null;
        Map<String, Integer> warnings = new TreeMap<>();
        Map<String, Integer> jobs = new TreeMap<>();
        for (RunRecord run : runs.values()) {
            jobs.merge(run.folder().getParent().getParent().toString(), 1, Integer::sum);
            if (run.graph() != null) {
                nodes += run.graph().size();
                if (largest == null || run.graph().size() > largest.graph().size()) {
                    largest = run;
                }
            }
            for (String warning : run.warnings()) {
                warnings.merge(warning.replaceAll("\\d+", "N"), 1, Integer::sum);
            }
        }
        StringBuilder summary = new StringBuilder("Real data read by BuildFolderReader:\n");
        summary.append("  JENKINS_HOMEs: ").append(homes.size()).append(", Pipeline jobs: ").append(jobs.size())
                .append(", runs read: ").append(runs.size()).append(", flow nodes: ").append(nodes)
                .append(", other builds left out: ").append(otherBuilds).append('\n');
        summary.append("  runs skipped: ").append(skipped.size()).append('\n');
        skipped.values().forEach(run -> summary.append("    ").append(run.folder()).append(": ").append(run.reason())
                .append('\n'));
        summary.append("  warnings on runs read:\n");
        warnings.forEach((warning, count) -> summary.append("    ").append(count).append(" x ").append(warning)
                .append('\n'));
        if (largest != null) {
            summary.append("  largest graph: ").append(largest.graph().size()).append(" nodes, ")
                    .append(realData.relativize(largest.folder())).append('\n');
        }
        System.out.print(summary);
    }
}
