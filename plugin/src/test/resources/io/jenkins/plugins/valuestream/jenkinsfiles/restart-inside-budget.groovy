valueStream(waitBudget: '3s') {
    semaphore 'before-restart'
    node('no-such-agent') {
        echo 'this never runs'
    }
}
