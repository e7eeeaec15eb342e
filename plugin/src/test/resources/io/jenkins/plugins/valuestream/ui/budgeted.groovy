pipeline {
    agent any
    options {
        valueStream(waitBudget: '15m')
    }
    stages {
        stage('Build') {
            steps {
                echo 'compiling'
            }
        }
    }
}
