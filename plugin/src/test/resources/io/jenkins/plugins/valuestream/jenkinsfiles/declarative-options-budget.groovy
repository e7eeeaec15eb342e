pipeline {
    agent none
    options {
        valueStream(waitBudget: '3s')
    }
    stages {
        stage('Build') {
            agent {
                label 'no-such-agent'
            }
            steps {
                echo 'this never runs'
            }
        }
    }
}
