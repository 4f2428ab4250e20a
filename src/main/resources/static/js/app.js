// Sends the CSRF token with every htmx request (forms rendered by Thymeleaf carry it already).
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
// "Select all" checkboxes for bulk actions: <input type="checkbox" data-select-all="name-of-row-checkboxes">
document.addEventListener('change', function (event) {
    var name = event.target.getAttribute && event.target.getAttribute('data-select-all');
    if (name) {
        document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
            box.checked = event.target.checked;
        });
    }
});
