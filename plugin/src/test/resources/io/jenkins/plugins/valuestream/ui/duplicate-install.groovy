pipeline {
    agent any
    stages {
        stage('Install') { steps { sh 'sleep 3; echo npm ci' } }
        stage('Test') { steps { sh 'sleep 3; echo npm ci' } }
    }
}
