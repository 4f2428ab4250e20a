// Copy buttons: <button data-copy="id-of-input" data-copied="Copied">. Selects the text too, so Ctrl+C works
// where the clipboard API is not allowed (plain http on a LAN address).
document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    var input = document.getElementById(button.getAttribute('data-copy'));
    input.focus();
    input.select();
    var done = function () {
        if (button.getAttribute('data-copied')) {
            button.textContent = button.getAttribute('data-copied');
        }
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done);
    } else if (document.execCommand('copy')) {
        done();
    }
});
