stage('Approve') {
    input message: 'Ship it?', id: 'Ship'
}
stage('Ship') {
    echo 'shipping'
}
