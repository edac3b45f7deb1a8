/*
 * The menu button of narrow screens (below 768px the menu folds away): opens and closes the menu it controls and says
 * so in aria-expanded; Escape closes it and gives the focus back to the button. A file of its own, for the
 * Content-Security-Policy runs no inline script without the page's nonce.
 */
(function () {
    'use strict';

    function init() {
        var button = document.getElementById('menu-toggle');
        var menu = button && document.getElementById(button.getAttribute('aria-controls'));
        if (!menu) {
            return;
        }
        function show(open) {
            button.setAttribute('aria-expanded', open ? 'true' : 'false');
            menu.classList.toggle('xt-menu-open', open);
        }
        button.addEventListener('click', function () {
            show(button.getAttribute('aria-expanded') !== 'true');
        });
        document.addEventListener('keydown', function (event) {
            if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
                show(false);
                button.focus();
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
