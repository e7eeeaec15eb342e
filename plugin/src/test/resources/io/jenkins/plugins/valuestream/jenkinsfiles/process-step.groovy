stage('Deploy') {
    processStep('Manual QA') {
        echo 'checking by hand'
    }
}
