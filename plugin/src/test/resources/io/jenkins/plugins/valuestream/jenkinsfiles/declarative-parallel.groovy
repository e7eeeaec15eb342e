pipeline {
    agent any
    stages {
        stage('Build') {
            steps {
                echo 'building'
            }
        }
        stage('Tests') {
            parallel {
                stage('Unit') {
                    steps {
                        sleep time: 1500, unit: 'MILLISECONDS'
                    }
                }
                stage('Integration') {
                    steps {
                        echo 'integration tests'
                    }
                }
            }
        }
    }
}
