valueStream {
    node('no-such-agent') {
        echo 'this never runs'
    }
}
