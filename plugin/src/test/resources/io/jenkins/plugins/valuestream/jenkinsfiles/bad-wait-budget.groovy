valueStream(waitBudget: '15x') {
    echo 'the body ran'
}
