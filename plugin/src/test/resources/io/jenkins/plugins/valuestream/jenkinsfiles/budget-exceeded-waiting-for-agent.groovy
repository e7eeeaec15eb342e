valueStream(waitBudget: '3s') {
    stage('Build') {
        node('no-such-agent') {
            echo 'this never runs'
        }
    }
}
