stage('<img src=x onerror=alert(1)>') {
    echo 'a stage whose name is markup'
}
node {
    stage('"quoted" & <b>bold</b>') {
        echo 'more markup'
    }
}
