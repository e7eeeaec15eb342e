stage('Build') {
    node('added-later') {
        echo 'built on the agent that came late'
    }
}
