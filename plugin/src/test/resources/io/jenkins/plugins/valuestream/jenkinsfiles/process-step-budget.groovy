processStep(name: 'Provision', waitBudget: '3s') {
    node('no-such-agent') {
        echo 'this never runs'
    }
}
