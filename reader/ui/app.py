"""NewsReaderApp: draws at once, loads the library and each story's analysis in workers.

The app builds the services (reader/services) and hands them to the main screen, which
owns the reading keys and their handlers (reader/ui/screens/main.py); the app keeps
only the keys of every screen (help, quit, the palette). Workers never touch widgets:
they post a message, and the handlers below update the screen. Heavy modules (sources,
analysis) are imported inside the workers so the first frame does not wait for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.actions import ActionParseResult
from textual.app import App, CSSPathType, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.dom import DOMNode
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker

from reader.collection_pause import collection_paused, enable_collection, freeze_survivors
from reader.heap import any_big_file, return_big_blocks
from reader.locations import Locations
from reader.model import Analysis, Article
from reader.safe_text import clean, clean_line, visible
from reader.services.annotation_session import AnnotationSession
from reader.services.library_session import LibrarySession
from reader.ui import lifecycle
from reader.ui.annotating import StoreDone
from reader.ui.app_messages import AnalysisFailed, AnalysisReady, LibraryLoaded
from reader.ui.copying import Copier
from reader.ui.css_cache import FILE_NAME as CSS_FILE_NAME
from reader.ui.css_cache import CachedStylesheet, ParsedCss
from reader.ui.key_order import KeysInOrderApp
from reader.ui.keys import APP_KEYS, bindings
from reader.ui.layers import COLOUR_SYSTEM_VARIABLE
from reader.ui.opening import Opening, StoryOpening
from reader.ui.reading import Reading, ReadingNotSaved, ReadingStateOpened
from reader.ui.screens.main import MAIN_SCREEN_CSS, MainScreen
from reader.ui.skipped import report_skipped
from reader.ui.subscribed import SourcesFetched, SourcesRead, Subscriptions
from reader.ui.themes import INK, PAPER, save_theme, saved_theme
from reader.ui.user_keymap import UserKeymap
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.library import Library

if TYPE_CHECKING:
    from reader.services.subscription_loader import SubscribedStart

FIRST_FRAME_WAIT = 0.25  # seconds the first frame waits for the library (see _show_unshown_library)

# Textual's own "Keys" panel and "Quit" would duplicate our help screen and quit command.
_REPLACED_SYSTEM_COMMANDS = {"Keys", "Quit"}


def _palette_provider() -> type[Provider]:
    """The command palette's list of every action (reader.ui.commands), imported when the
    palette first opens: the first frame has no use for it."""
    from reader.ui.commands import NewsReaderCommands

    return NewsReaderCommands


def _terminal_driver() -> type[Driver] | None:
    """Ours on POSIX (reader/ui/terminal_driver.py); Textual's own elsewhere."""
    if sys.platform == "win32":
        return None
    from reader.ui.terminal_driver import TerminalDriver

    return TerminalDriver


class NewsReaderApp(KeysInOrderApp[None]):
    TITLE = "newsreader"
    # The main screen is the default screen, whose CSS_PATH Textual does not read: load it here.
    CSS_PATH: ClassVar[CSSPathType | None] = [Path(__file__).with_name("app.tcss"), MAIN_SCREEN_CSS]
    BINDINGS = bindings(APP_KEYS)
    BINDING_GROUP_TITLE = "Everywhere"
    COMMANDS = App.COMMANDS | {_palette_provider}
    NOTIFICATION_TIMEOUT = 8
    _theme_chosen = False  # see get_css_variables

    def __init__(
        self,
        paths: Sequence[Path | str],
        *,
        locations: Locations,
        ner: str = "builtin",
        start: SubscribedStart | None = None,
    ) -> None:
        """``start``: launched with no PATH (the subscriptions, the last session)."""
        # Signals and a lost terminal end the app in time: see reader/ui/lifecycle.py.
        super().__init__(driver_class=_terminal_driver())
        self.paths = list(paths) or [locations.samples]
        self.locations = locations
        self.ner = ner
        self.library = LibrarySession()
        self._analysing: dict[str, Worker[None]] = {}  # story id -> its analysis worker
        self._cache_code_loaded = False  # see _load_cache_code
        self.annotations = AnnotationSession(
            locations.db,
            deliver=lambda result: self.post_message(StoreDone(result)),
            start_thread=lambda drain: self.run_worker(
                drain, thread=True, group="annotation-store", exit_on_error=False
            ),
        )
        self.user_keymap = UserKeymap(self, locations.config)
        for theme in (INK, PAPER):
            self.register_theme(theme)
        self._start_in_theme(saved_theme(locations.config, self.available_themes) or INK.name)

        self._main_mounted = False
        self._unshown_library: LibraryLoaded | None = None
        self._library_read = asyncio.Event()
        self._first_frame_asked = False
        # Set once the first story (or the empty library) is drawn, or as the app closes.
        self._first_frame_shown = threading.Event()
        # Not `_closing`: that name is Textual's own message-pump state on every App.
        self._shutting_down = False
        self.opening = Opening(self)  # a long story's start, shown while it is read whole
        self.copier = Copier(
            self, self.library, self.annotations, style_changed=lambda: self.reading.save_session()
        )
        self.main = MainScreen(
            self.annotations,
            self.library,
            self.copier,
            locations,
            ner,
            open_article=self.open_article,
            on_mounted=self._show_unshown_library,
        )
        self.reading = Reading(
            self, self.main, self.library, locations, self.copier, self.open_article, start
        )
        self.subscriptions = Subscriptions(
            self, self.main, self.reading, self.library, locations.cache, self.open_article
        )
        self.main.reading, self.main.subscriptions = self.reading, self.subscriptions

    def get_default_screen(self) -> Screen:
        return self.main

    @property
    def keymap(self) -> dict[str, str]:
        """The user's rebinding (binding id -> keys), for the help screen and the palette."""
        return self.user_keymap.keys

    def on_load(self) -> None:
        # Python's cycle collector would run a full pass (~20 ms over everything imported)
        # in the middle of the first frame: it is back on once that frame is drawn.
        gc.disable()
        # Reading starts (in a thread) before the panes are built, so a story that loads
        # quickly is shown by the screen's mount and drawn in its very first frame.
        self.load_library()

    def on_unmount(self) -> None:
        self._shutting_down = True
        self._first_frame_shown.set()  # the library's thread waits for it: see _read_state
        self.opening.painted.set()  # and for this one: see Opening.read_first
        # Finish the saves still queued, then fold the journal into the file and unlock.
        self.annotations.close()
        self.reading.close()
        gc.enable()  # if the app ends before its first frame
        lifecycle.stop_helpers()

    def on_mount(self) -> None:
        self.user_keymap.apply()
        self.theme_changed_signal.subscribe(self, self._save_theme)

    async def action_quit(self) -> None:
        lifecycle.quitting()  # whatever holds the shutdown up, the process ends in time
        self.reading.save_session()  # the pane and copy format as they are now
        await super().action_quit()

    # Posted from the library's, the subscriptions' and the store's threads, handed to
    # their owners.

    def on_reading_state_opened(self, message: ReadingStateOpened) -> None:
        self.reading.state_opened(message)

    def on_reading_not_saved(self, message: ReadingNotSaved) -> None:
        self.reading.not_saved(message)

    def on_sources_read(self, message: SourcesRead) -> None:
        self.subscriptions.sources_read(message)

    def on_sources_fetched(self, _message: SourcesFetched) -> None:
        self.subscriptions.sources_fetched()

    def on_store_done(self, message: StoreDone) -> None:
        # Here, not on the main screen: a screen in front of it (the tags view) waits
        # for the result, and a screen in the background handles no messages.
        self.main.annotating.store_done(message.result)

    # Library ---------------------------------------------------------------------------

    @work(thread=True, group="library", exclusive=True)
    def load_library(self) -> None:
        from textual.worker import get_current_worker

        from reader.sources import SourceError, load_all

        worker = get_current_worker()  # cancelled on `q`: a hung fetch then gives up at once
        subscribed = self.subscriptions.read_start()
        if subscribed is not None:  # the subscriptions' stories of last time; fresh ones follow
            self._load_cache_code()
            self.post_message(LibraryLoaded(subscribed, []))
            return
        if any_big_file(self.paths):
            return_big_blocks()  # before the file's bytes are read (reader/heap.py)
        self.opening.read_first(self.paths)
        try:
            # A 100k-item feed builds millions of objects and no cycles: the collector's
            # full passes over them held the interpreter (and the keys) 0.1-0.3 s each.
            with collection_paused():
                articles, errors = load_all(
                    self.paths, cache_dir=self.locations.cache, stop=lambda: worker.is_cancelled
                )
                freeze_survivors()
        except SourceError as error:
            self.post_message(LibraryLoaded([], [str(error)]))
            self._read_state()
            return
        self._load_cache_code()
        self.post_message(LibraryLoaded(list(articles), [str(error) for error in errors]))
        self._read_state()

    def _read_state(self) -> None:
        """The reading state of a launch with PATHs, once the first frame is drawn: its
        import and file (~30 ms of held GIL) competed with that frame's painting; a story
        shown before it lands is moved to its place then (Reading.state_opened)."""
        self._first_frame_shown.wait(timeout=2.0)
        if not self._shutting_down:
            self.reading.read_later()

    def _load_cache_code(self) -> None:
        """Import the analysis cache and work out the analyser's version here, in the
        library's thread (a few ms), so that opening a story can ask the cache on the UI
        thread: a story seen before then has its highlights in the frame that shows it."""
        from reader.cache.analysis_cache import analyser_version

        analyser_version()
        self._cache_code_loaded = True

    def _cached_analysis(self, article: Article) -> Analysis | None:
        """A short story's analysis kept from an earlier reading (about a millisecond to
        read), or None: then a worker analyses it as usual."""
        if not self._cache_code_loaded or len(article.text) > self.IN_THREAD_CHARS:
            return None
        from reader.cache.analysis_cache import cache_for

        cache = cache_for(self.locations.cache, self.ner)
        try:
            return cache.get(article.text, self.ner) if cache is not None else None
        except Exception:  # the cache is only a shortcut: any trouble means analyse again
            return None

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        if not self._main_mounted:
            self._unshown_library = message  # the panes are not built yet: shown by their mount
            self._library_read.set()
            return
        self._show_library(message)

    def on_story_opening(self, message: StoryOpening) -> None:
        self.opening.arrived(message.article, panes_built=self._main_mounted)
        self._library_read.set()  # the first frame need wait no longer: it has the opening

    async def _show_unshown_library(self) -> None:
        # A library still being read gets a moment more: the first frame then has the story,
        # and no frames are drawn (and paid for) before it. A slow one (a big folder, a web
        # address) does not hold the screen back: it shows that stories are loading.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._library_read.wait(), FIRST_FRAME_WAIT)
        self._main_mounted = True
        message, self._unshown_library = self._unshown_library, None
        if message is not None:
            self._show_library(message)
        elif not self.opening.show_waiting():
            # Still reading (a big folder, a web address): the store need not wait for it.
            self._after_first_frame()

    def _show_library(self, message: LibraryLoaded) -> None:
        held = self.opening.end()  # the reader's keys pressed on an opening: run below
        self.library.loaded(message.articles)
        report_skipped(self, message.errors)
        screen = self.main
        self.reading.attach_library()
        screen.show_stories()
        self.reading.library_shown()
        if self.reading.subscribed:
            self.subscriptions.fetch()
        if not self.library.articles and self.reading.subscribed:
            screen.show_message("Fetching your subscriptions…")
            self._after_first_frame()
            return
        if not self.library.articles:
            from reader.sources import STORY_EXTENSIONS  # already loaded by the worker

            where = ", ".join(visible(path) for path in self.paths)
            kinds = " ".join(STORY_EXTENSIONS)
            # The warnings fade after a few seconds; the reason must stay beside the message.
            why = "".join(f"\n{visible(error)}" for error in message.errors[:3])
            screen.show_message(
                f"No stories to read in {where}.{why}\n\n"
                f"newsreader opens story files ({kinds}), folders holding them,\n"
                "feeds and web addresses:  newsreader PATH-OR-URL ..."
            )
            self._after_first_frame()
            return
        articles = self.library.articles
        first, focus = self.reading.session_story() or (articles[0], len(articles) == 1)
        self.open_article(first, focus=focus)
        for action, namespace in held:
            self.call_later(self.run_action, action, namespace)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        if isinstance(action, str) and self.opening.holds(default_namespace, action):
            self.opening.hold(action, default_namespace)  # for the whole story
            return True
        return await super().run_action(action, default_namespace, namespaces)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # The article's painter needs to know when only 16 colours exist (reader.ui.layers).
        defaults = super().get_theme_variable_defaults()
        return {**defaults, COLOUR_SYSTEM_VARIABLE: self.console.color_system or "none"}

    def _start_in_theme(self, name: str) -> None:
        """Start in theme ``name``, without a theme change when Textual's default is as dark.

        A change re-reads every stylesheet and restyles every widget once the app runs
        (~10 ms of start-up). Before the first widget is styled, handing the stylesheet
        the theme's colours is all a dark theme needs: Textual built its colour filter and
        dark-mode classes for its own dark default. A light one goes the usual way.
        """
        self._theme_chosen = True
        default_dark = self.current_theme.dark
        theme = self.get_theme(name)
        if theme is None or theme.dark != default_dark:
            self.theme = name
        else:
            self.set_reactive(App.theme, name)
            self.set_class(True, f"-theme-{name}", update=False)
        # Textual's own parses every source again at each launch: see reader/ui/css_cache.py.
        self.stylesheet = CachedStylesheet(
            ParsedCss(self.locations.cache / CSS_FILE_NAME), variables=self.get_css_variables()
        )

    def get_css_variables(self) -> dict[str, str]:
        # App.__init__ makes a stylesheet with the colours of Textual's default theme
        # (~2 ms), and _start_in_theme replaces it at once: none are worked out for it.
        return super().get_css_variables() if self._theme_chosen else {}

    def _save_theme(self, theme: Theme) -> None:
        """Keep the reader's theme for next time."""
        try:
            save_theme(self.locations.config, theme.name)
        except OSError as error:
            self.notify(
                f"The theme will not be remembered: {error}", severity="warning", markup=False
            )

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        self.user_keymap.clashed(clashed_bindings)

    @on(Library.OpenRequested)
    def _open_requested(self, message: Library.OpenRequested) -> None:
        self.open_article(message.article, focus=True)

    def open_article(self, article: Article, *, focus: bool) -> None:
        """Show ``article`` in the reader; its analysis follows from a worker (or the cache)."""
        screen = self.main
        known = self.library.open(article)
        self.sub_title = clean_line(article.title)
        screen.show_article_view()
        view = screen.article_view
        screen.show_story(article)
        # Before the store is open, its opening loads the open story's annotations.
        screen.load_story_annotations(article)
        self._after_first_frame()
        screen.library.highlight_article(article)
        screen.status_bar.set_context(self.library.position(article))
        screen.status_bar.set_note(article.reading_note)
        self.call_after_refresh(freeze_survivors)  # the story's spans and rows live on
        if known is None and article.id not in self._analysing:
            known = self._cached_analysis(article)
            if known is not None:
                self.library.analysed(article.id, known)
        if known is not None:
            screen.show_analysis(known)
        elif article.id not in self._analysing:
            painted = threading.Event()
            self.call_after_refresh(painted.set)
            self._analysing[article.id] = self.analyse(article, painted)
        # A long story left for another stops feeding the worker process after its block.
        for story_id in [other for other in self._analysing if other != article.id]:
            self._analysing.pop(story_id).cancel()
        if focus:
            view.focus()
        else:
            screen.library.focus_list()
        self.reading.story_opened(article, focus)

    def _after_first_frame(self) -> None:
        """Once the first story (or the empty library) is on screen: collector on, store open.

        The database's thread reads the whole file; started earlier, it would compete
        with the first paint for the GIL.
        """
        if not self._first_frame_asked:
            self._first_frame_asked = True
            self.call_after_refresh(self._first_frame_drawn)

    def save_pending_now(self, timeout: float) -> bool:
        """Save what is still queued, from any thread, before the process is ended
        (reader.ui.lifecycle)."""
        written = self.reading.save_pending_now(timeout)  # lines in the kernel: moments
        return self.annotations.save_pending_now(timeout) and written

    def _first_frame_drawn(self) -> None:
        # Start-up's objects (widgets, styles, modules) live as long as the app: frozen,
        # they are not one young-generation pass of ~60 ms just after the first frame.
        freeze_survivors()
        enable_collection()  # after the library's load, if that is still running
        self._first_frame_shown.set()
        self.annotations.open_store()
        if isinstance(self.stylesheet, CachedStylesheet):
            self.stylesheet.parsed.save()  # the sources this launch had to parse, for the next

    # Analysis --------------------------------------------------------------------------

    # Stories up to this size are analysed on a thread of the app (the sample: ~5 ms, a
    # long feature ~20 ms of held GIL); longer ones in the worker process, block by block.
    IN_THREAD_CHARS: ClassVar[int] = 60_000

    # Every @work here names its description: Textual's default is the repr of the
    # arguments, made on the UI thread and kept while the worker runs (a 49 MB story's
    # text, escaped, held twice).
    @work(thread=True, group="analysis", description="analyse the story")
    def analyse(self, article: Article, painted: threading.Event) -> None:
        # Start once the text is on screen: nothing here may delay the first frame.
        painted.wait(timeout=1.0)
        try:
            if len(article.text) <= self.IN_THREAD_CHARS:
                from reader.cache.analysis_cache import cached_analyze
                from reader.lexicon_build import build_tables_elsewhere

                build_tables_elsewhere()

                cache = self.locations.cache
                analysis = cached_analyze(article.text, ner=self.ner, cache_dir=cache)
                self.post_message(AnalysisReady(article.id, analysis))
            else:
                # Imported for long stories only: with its worker process it costs a
                # short story's highlights a few ms.
                from reader.analysis_process import AnalysisCrashed

                try:
                    self._analyse_in_process(article)
                except AnalysisCrashed as error:
                    self.post_message(AnalysisFailed(article.id, str(error)))
        except Exception as error:  # any analyzer bug must not close the reader
            self.post_message(AnalysisFailed(article.id, f"{type(error).__name__}: {error}"))

    def _analyse_in_process(self, article: Article) -> None:
        """Block by block in the worker process; each block's highlights shown as it lands.

        A long story seen before comes whole from the analysis cache instead.
        """
        from textual.worker import get_current_worker

        from reader.analysis_process import Merger, analysis_process
        from reader.cache.analysis_cache import cache_for
        from reader.cache.codec import Part

        cache = cache_for(self.locations.cache, self.ner)
        kept = cache.get_parts(article.text, self.ner) if cache is not None else None
        if kept is not None:
            with collection_paused():
                analysis = Merger.of(article.text, kept)
                layers = ArticleView.analysis_layers(analysis)
                freeze_survivors()
            self.post_message(AnalysisReady(article.id, analysis, True, layers))
            return
        from reader.ui.story_marks import LayerParts

        worker = get_current_worker()
        merger = Merger()
        layer_parts = LayerParts()  # each block's marks made once, not the story's per block
        parts: list[Part] = []
        results = analysis_process(self.ner).analyse(article.text)
        try:
            for block, columns, last in results:
                with collection_paused():  # each block's spans and names: no cycles
                    part = merger.add(article.text, block.start, columns)
                    parts.append((block.start, columns))
                    if worker.is_cancelled:
                        return
                    analysis = merger.analysis(complete=last)
                    layers = layer_parts.add(block.start, part)
                    freeze_survivors()  # a huge story's quotes and names, out of the GC's passes
                self.post_message(AnalysisReady(article.id, analysis, last, layers))
        finally:
            results.close()
        if cache is not None:
            cache.put_parts(article.text, sorted(parts, key=lambda part: part[0]), self.ner)

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        if message.complete:
            self._analysing.pop(message.article_id, None)
            self.library.analysed(message.article_id, message.analysis)
            self.call_after_refresh(freeze_survivors)
        if self.library.is_current(message.article_id):
            self.main.show_analysis(message.analysis, message.complete, message.layers)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self._analysing.pop(message.article_id, None)
        if self.library.is_current(message.article_id):
            self.main.article_view.analysis_failed()
        reason = " ".join(message.reason.split())  # one line, whatever the error said
        self.notify(
            f"Quotes and names could not be found: {reason}",
            title="Analysis failed",
            severity="error",
            markup=False,
        )

    # Status, help, palette ---------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice goes through here (widgets and screens call the app's): notices
        quote titles, file names, addresses and server messages, so they are cleaned."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=markup
        )

    def action_help(self) -> None:
        from reader.ui.key_sections import key_sections  # neither is needed for the first frame
        from reader.ui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        panes = list(getattr(screen, "panes", []))
        sections = key_sections(screen, panes, self.keymap)
        self.push_screen(HelpScreen(sections, self.user_keymap.path))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in _REPLACED_SYSTEM_COMMANDS:
                yield command
        yield from self.copier.system_commands()
