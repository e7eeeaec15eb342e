valueStream(waitBudget: '15m', countedWaits: 'AGENT, COFFEE') {
    echo 'the body ran'
}
