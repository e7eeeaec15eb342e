valueStream(waitBudget: '15m', budgetResult: 'MAYBE') {
    echo 'the body ran'
}
