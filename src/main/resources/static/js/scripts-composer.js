// The reply composer of the script library (served with /scripts/fragments/reply-assist, loaded into the inbox's
// ticket page). "Insert" appends a script to #reply-body with the automatic placeholders filled, adds its id to the
// hidden scriptIds input, records the use, and lists the placeholders still to fill; each "fill in" input replaces its
// placeholder in the (still editable) reply text. No inline scripts: the CSP allows scripts from 'self' only.
(function () {
    if (window.steadyDeskScriptsComposer) {
        window.steadyDeskScriptsComposer.refresh();
        return;
    }
    var PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
    var labels = {};

    function panel() {
        return document.getElementById('reply-assist-panel');
    }

    function replyBody() {
        return document.getElementById('reply-body');
    }

    // the automatic values of the placeholder catalogue (PlaceholderCatalogue), rendered by the server as name=value pairs
    function autoValues(p) {
        var values = {};
        new URLSearchParams(p.dataset.autoValues || '').forEach(function (value, name) {
            values[name] = value;
        });
        return values;
    }

    function fill(text, values) {
        return text.replace(PLACEHOLDER, function (whole, name) {
            var value = values[name];
            return value ? value : whole;
        });
    }

    function csrfHeaders() {
        var headers = {'Content-Type': 'application/x-www-form-urlencoded'};
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    function rememberLabels(data) {
        (data || '').split(';').forEach(function (item) {
            var parts = item.split('|');
            if (parts[0]) {
                labels[parts[0]] = {label: parts[1] || parts[0], required: parts[2] !== 'false'};
            }
        });
    }

    function addScriptId(id) {
        var input = document.querySelector('input[name="scriptIds"]');
        if (!input) {
            return;
        }
        var ids = input.value ? input.value.split(',') : [];
        if (ids.indexOf(String(id)) < 0) {
            ids.push(String(id));
        }
        input.value = ids.join(',');
    }

    function recordUse(p, id) {
        var body = new URLSearchParams();
        if (p.dataset.ticketId) {
            body.append('ticketId', p.dataset.ticketId);
        }
        body.append('text', p.dataset.text || '');
        fetch(p.dataset.usedUrl + encodeURIComponent(id) + '/used', {method: 'POST', headers: csrfHeaders(), body: body, credentials: 'same-origin'});
    }

    function insert(button) {
        var p = panel();
        var textarea = replyBody();
        if (!p || !textarea) {
            return;
        }
        rememberLabels(button.dataset.placeholders);
        var text = fill(button.dataset.body || '', autoValues(p));
        textarea.value = textarea.value.trim() ? textarea.value.replace(/\s+$/, '') + '\n\n' + text : text;
        textarea.dispatchEvent(new Event('input', {bubbles: true}));
        addScriptId(button.dataset.scriptId);
        recordUse(p, button.dataset.scriptId);
        refresh();
    }

    // automatic placeholders of the catalogue (PlaceholderCatalogue) that the inbox fills when the reply is sent
    function serverFilled() {
        var p = panel();
        return p && p.dataset.serverFilled ? p.dataset.serverFilled.split(',') : [];
    }

    function unfilled(text) {
        var names = [];
        var filledOnSend = serverFilled();
        var m;
        PLACEHOLDER.lastIndex = 0;
        while ((m = PLACEHOLDER.exec(text)) !== null) {
            if (names.indexOf(m[1]) < 0 && filledOnSend.indexOf(m[1]) < 0) {
                names.push(m[1]);
            }
        }
        return names;
    }

    function apply(name, value) {
        var textarea = replyBody();
        if (!textarea || !value) {
            return;
        }
        textarea.value = textarea.value.replace(PLACEHOLDER, function (whole, n) {
            return n === name ? value : whole;
        });
        textarea.dispatchEvent(new Event('input', {bubbles: true}));
        refresh();
    }

    function refresh() {
        var box = document.getElementById('ra-fill');
        var textarea = replyBody();
        if (!box || !textarea) {
            return;
        }
        var names = unfilled(textarea.value);
        textarea.classList.toggle('ra-has-placeholders', names.length > 0);
        box.textContent = '';
        if (names.length === 0) {
            var none = document.createElement('p');
            none.className = 'muted small';
            none.textContent = box.dataset.none || '';
            box.appendChild(none);
            return;
        }
        names.forEach(function (name) {
            var row = document.createElement('div');
            row.className = 'ra-fill-row missing';
            var label = document.createElement('label');
            var info = labels[name];
            label.textContent = (info ? info.label : name) + ' {{' + name + '}}';
            var input = document.createElement('input');
            input.type = 'text';
            input.name = 'fill-' + name;
            input.className = 'ra-fill-input';
            input.dataset.placeholder = name;
            label.appendChild(input);
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'ra-apply';
            button.dataset.placeholder = name;
            button.textContent = box.dataset.apply || 'OK';
            row.appendChild(label);
            row.appendChild(button);
            box.appendChild(row);
        });
    }

    document.addEventListener('click', function (event) {
        var insertButton = event.target.closest && event.target.closest('.ra-insert');
        if (insertButton) {
            event.preventDefault();
            insert(insertButton);
            return;
        }
        var applyButton = event.target.closest && event.target.closest('.ra-apply');
        if (applyButton) {
            var input = document.querySelector('.ra-fill-input[data-placeholder="' + applyButton.dataset.placeholder + '"]');
            if (input) {
                apply(applyButton.dataset.placeholder, input.value);
            }
        }
    });
    // A typed value is applied when the input is left or Enter is pressed (not per keystroke, which would replace the
    // placeholder after the first character).
    document.addEventListener('change', function (event) {
        if (event.target.classList && event.target.classList.contains('ra-fill-input')) {
            apply(event.target.dataset.placeholder, event.target.value);
        }
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && event.target.classList && event.target.classList.contains('ra-fill-input')) {
            event.preventDefault();
            apply(event.target.dataset.placeholder, event.target.value);
        }
    });
    document.addEventListener('input', function (event) {
        if (event.target.id === 'reply-body') {
            refresh();
        }
    });
    document.addEventListener('htmx:afterSwap', function (event) {
        if (event.target.id === 'reply-assist') {
            refresh();
        }
    });

    window.steadyDeskScriptsComposer = {refresh: refresh, fill: fill, unfilled: unfilled};
    refresh();
})();
