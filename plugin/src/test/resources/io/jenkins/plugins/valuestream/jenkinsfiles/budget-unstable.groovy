valueStream(waitBudget: '1s', budgetResult: 'UNSTABLE') {
    stage('Wait') {
        sleep 3
    }
    stage('After') {
        echo 'went on after the budget was spent'
    }
}
