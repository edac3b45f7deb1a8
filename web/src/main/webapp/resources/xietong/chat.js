/*
 * Instant messages (chat/chat.xhtml, A4): holds the websocket /chat/live while the page is open and, when it says that
 * a conversation has a new message, calls the page's xtChatArrived (a PrimeFaces remoteCommand), which takes what is
 * new from the server with the person's own rights. Reconnects with growing pauses when the connection drops (a server
 * restarting, a phone waking up). A static script: the Content-Security-Policy runs no inline script without a nonce.
 */
(function () {
    'use strict';

    function connect(marker, pause) {
        var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
        var socket = new WebSocket(scheme + window.location.host + marker.getAttribute('data-chat-live'));
        socket.onopen = function () {
            pause = 1000;
            marker.setAttribute('data-state', 'open');
        };
        socket.onmessage = function (event) {
            var news = JSON.parse(event.data);
            if (typeof window.xtChatArrived === 'function') {
                window.xtChatArrived([{name: 'conversation', value: String(news.conversation)}]);
            }
        };
        socket.onclose = function () {
            marker.setAttribute('data-state', 'closed');
            window.setTimeout(function () {
                connect(marker, Math.min(pause * 2, 30000));
            }, pause);
        };
    }

    /** Keeps the newest message in view. */
    window.xtChatScroll = function () {
        var lines = document.querySelector('.xt-chat-lines');
        if (lines) {
            lines.scrollTop = lines.scrollHeight;
        }
    };

    document.addEventListener('DOMContentLoaded', function () {
        var marker = document.getElementById('chat-live');
        if (marker) {
            connect(marker, 1000);
            window.xtChatScroll();
        }
    });
}());
