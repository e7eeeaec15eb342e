stage('Build') {
    echo 'building'
}
stage('Release') {
    processStep(name: 'Deploy', deploys: true) {
        echo 'deploying to production'
    }
}
