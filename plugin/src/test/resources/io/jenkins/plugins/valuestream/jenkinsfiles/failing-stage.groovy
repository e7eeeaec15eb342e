stage('Build') {
    echo 'compiling'
}
stage('Test') {
    error 'Unit tests failed: <b>3</b> of 120'
}
