"""A Footer that lets go of the key widgets it replaces.

Textual's Footer recomposes whenever the screen's bindings are refreshed (every
phase change of an interview, focus moves), making new FooterKey widgets bound
to `Footer.compact` with `data_bind`. The binding is a watcher stored on the
Footer, and Textual prunes a reactive's watchers of removed widgets only when
that reactive changes (textual issue #6666), which `compact` never does. So
every replaced FooterKey, with its styles and caches, would stay alive for as
long as the screen: about 1 MB per interview round.
"""

from __future__ import annotations

from textual.widgets import Footer


class ReleasingFooter(Footer):
    """A Footer that drops its watchers of removed key widgets after each recompose."""

    async def recompose(self) -> None:
        await super().recompose()
        self.release_removed_keys()

    def release_removed_keys(self) -> None:
        """Forget `compact` watchers whose widget has been removed (closing or closed)."""
        # Reactive stores watchers as setattr(obj, "__watchers", {name: [(node, callback)]}).
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [(node, callback) for node, callback in watchers if not node._closing]
