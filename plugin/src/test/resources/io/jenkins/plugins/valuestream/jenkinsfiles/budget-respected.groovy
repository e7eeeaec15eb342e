valueStream(waitBudget: '10m', leadTimeBudget: '1h') {
    stage('Build') {
        node {
            echo 'well within budget'
        }
    }
}
