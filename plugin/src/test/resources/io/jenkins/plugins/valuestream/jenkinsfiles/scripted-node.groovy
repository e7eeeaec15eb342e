stage('Build') {
    node {
        echo 'building on the built-in node'
    }
}
stage('Publish') {
    echo 'publishing'
}
