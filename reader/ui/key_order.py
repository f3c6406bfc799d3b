"""Keys typed in a burst act one after another, each on the screen the one before left.

Textual hands a key to the focused widget's queue and goes straight on to the next key,
while the first one's binding runs only later, once the key has bubbled back up to the
app. Typed quickly (`/wat`, or `t` and a tag), the later keys reach the widget that had
the focus before the first key's action moved it: `w` and `a` went to the story list
(`a` opened the annotations panel) and the filter stayed empty. Here a key is let go
only when the one before it has been handled all the way up, and the focus moves or
screens it asked for have happened.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App, ReturnType
from textual.message_pump import MessagePump
from textual.timer import Timer

# How often a key still on its way is checked on: the queue it waits in may have been
# closed (its widget removed), which would hold every key after it.
CHECK_EVERY = 0.25  # seconds
# A queue that is open but never reaches the key (a handler stuck on something) lets
# the next key go after this long: late keys beat keys that never act.
WAIT_AT_MOST = 3.0  # seconds
# Work that can wait (reader/ui/slices.py) keeps off the loop while a key is answered,
# but not for longer than this after the key was sent: a key that waits for that work.
ANSWERED_WITHIN = 0.25  # seconds


class KeysInOrder:
    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._waiting: deque[events.Key] = deque()
        self._in_flight = 0  # the number of the key on its way up; 0: none is
        self._numbered = 0
        self._sent_at = 0.0
        self._queue: MessagePump = app  # where the key on its way is waited for
        self._check: Timer | None = None
        self._screen: MessagePump | None = None  # the screen shown as the key was sent
        self._paused_by: Callable[[], None] | None = None
        self._screen_at_pause: MessagePump | None = None
        self._drawn = 0  # the number of the last key whose answer is on the screen

    async def take(self, key: events.Key) -> None:
        """A key from the terminal: sent now, or after the keys typed before it."""
        if self._paused_by is not None and key.key == "escape":
            # Escape cancels what is held: the keys waiting were meant for what the held
            # ones would have opened (`t` and a tag), not for the screen as it is.
            cancel, self._paused_by = self._paused_by, None
            self._waiting.clear()
            cancel()
            return
        self._waiting.append(key)
        if not self._in_flight:
            await self._send_waiting()

    def answering(self) -> bool:
        """Whether a key is on its way through the app, or handled but not drawn yet.

        Each turn of the loop a key takes (a queue on its way up, the repaint) would
        otherwise wait for a slice of every long job running; those jobs ask this at
        each break and wait while it holds."""
        if self._drawn == self._numbered and not self._waiting:
            return False
        return time.monotonic() - self._sent_at < ANSWERED_WITHIN

    def pause(self, cancel: Callable[[], None]) -> None:
        """Keys wait here until ``resume``: one before them is held until the story's
        analysis lands (reader/ui/held_keys.py). Escape calls ``cancel``."""
        self._paused_by = cancel
        self._screen_at_pause = self._app.screen

    def resume(self) -> None:
        """The held keys have acted: the keys after them go once what those did (a
        dialog opened, the focus moved) has happened, as after any key."""
        if self._paused_by is None:
            return
        self._paused_by = None
        if not self._in_flight:
            self._screen = self._screen_at_pause
            self._wait_in(self._app, self._after_the_app, self._take_off())

    def _take_off(self) -> int:
        """A new key on its way (or the held keys' actions): its number."""
        self._numbered += 1
        self._in_flight = self._numbered
        self._sent_at = time.monotonic()
        if self._check is None:
            self._check = self._app.set_interval(CHECK_EVERY, self._check_on_key)
        return self._in_flight

    async def _send(self, key: events.Key) -> MessagePump | None:
        """Textual's own handling of ``key``; the widget it was handed to, or None when
        the app's priority bindings took it."""
        app = self._app
        self._screen = app.screen
        target = app.focused or app.screen
        await App.on_event(app, key)
        return target if key.is_forwarded else None

    async def _send_waiting(self) -> None:
        while self._waiting and not self._in_flight and self._paused_by is None:
            key = self._waiting.popleft()
            target = await self._send(key)
            if target is None:
                continue
            self._follow(target, key, self._take_off())

    def _wait_in(self, queue: MessagePump, callback: Any, *args: Any) -> None:
        self._queue = queue
        queue.call_later(callback, *args)

    def _follow(self, node: MessagePump, key: events.Key, number: int) -> None:
        """Wait behind ``key`` in ``node``'s queue, then in its parent's, up to the app.

        A key that bubbles is put into the parent's queue while the node handles it, so a
        callback queued there after that handling runs after the key has been handled by
        the parent too."""
        if node is self._app or key._stop_propagation or not node.is_attached:
            # The app has it (or nobody above will): the focus moves its binding asked
            # for are callbacks the action queued there, so one more turn of its queue.
            self._wait_in(self._app, self._after_the_app, number)
            return
        self._wait_in(node, self._next_up, node, key, number)

    def _next_up(self, node: MessagePump, key: events.Key, number: int) -> None:
        if number != self._in_flight:
            return
        parent = node._parent
        self._follow(parent if parent is not None else self._app, key, number)

    def _after_the_app(self, number: int) -> None:
        screen = self._app.screen
        if screen is self._screen:
            self._wait_in(self._app, self._landed, number)
            return
        # The key opened (or closed) a screen: that screen mounts and takes the focus
        # through its own queue, then the app's (`focus()` is a callback there).
        self._screen = screen
        self._wait_in(screen, self._app.call_later, self._landed, number)

    async def _check_on_key(self) -> None:
        if not self._in_flight:
            if self._check is not None:
                self._check.stop()
                self._check = None
            return
        queue = self._queue
        closed = queue._closing or queue._closed
        if closed or time.monotonic() - self._sent_at > WAIT_AT_MOST:
            await self._landed(self._in_flight)

    async def _landed(self, number: int) -> None:
        if number != self._in_flight:
            return  # given up on already: the keys after it went on
        self._in_flight = 0
        # Textual runs this after the next repaint of the screen: the key's answer.
        self._app.call_after_refresh(self._on_screen, number)
        await self._send_waiting()

    def _on_screen(self, number: int, again: bool = True) -> None:
        """Once the key's answer is drawn: after a repaint (or an idle screen, which
        Textual counts as one) that follows the key, then another once what its
        handlers posted on their way (the filter box's Changed, a panel's message to
        the screen) has been handled and handed to the screen."""
        app = self._app
        if number == self._numbered and self.answering():
            nodes = [app, *app.screen.walk_children(with_self=True)]
            if again or any(_unsettled(node) for node in nodes):
                app.call_after_refresh(self._on_screen, number, False)
                return
        self._drawn = max(self._drawn, number)


def _unsettled(node: MessagePump) -> bool:
    """Whether ``node`` has messages waiting, or a repaint it has not handed on yet (a
    widget tells the screen it changed on its next idle)."""
    return bool(node._message_queue.values) or any(
        getattr(node, flag, False) for flag in ("_repaint_required", "_layout_required")
    )


class KeysInOrderApp(App[ReturnType]):
    """An app whose keys from the terminal act in the order typed (see above): the
    reader's app, and any app built from its widgets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys_in_order = KeysInOrder(self)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.keys_in_order.take(event)
        else:
            await super().on_event(event)
