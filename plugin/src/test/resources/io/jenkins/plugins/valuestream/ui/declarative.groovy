pipeline {
    agent any
    stages {
        stage('Build') {
            steps {
                echo 'compiling'
            }
        }
        stage('Test') {
            parallel {
                stage('Unit') {
                    steps {
                        echo 'unit tests'
                    }
                }
                stage('Integration') {
                    steps {
                        sleep time: 1, unit: 'SECONDS'
                    }
                }
            }
        }
        stage('Deploy') {
            steps {
                echo 'deploying'
            }
        }
    }
}
