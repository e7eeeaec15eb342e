stage('Checkout') {
    echo 'checking out'
}
node {
    stage('Build') {
        echo 'compiling'
    }
    stage('Package') {
        echo 'packaging'
    }
}
