"""The client → site → machine tree as a QAbstractItemModel over a frozen TreeSnapshot.

Display values and icons are computed once per node when a snapshot arrives, so ``data()``
is a couple of lookups (the view calls it tens of thousands of times). Nodes are addressed by
their position in ``self._nodes`` (the index's internalId), never by Python object pointers;
that position is also the row's place in the fully expanded tree (built depth first).

Live states are cheap: each client and site keeps a tally of its machines' states and problem
counts, adjusted per changed machine (no rescan of siblings); texts are formatted when painted;
and when a view says which rows it shows (``visible_span``), a batch emits one ranged
dataChanged per parent for the changed rows on screen only — the others are painted from the
current state when scrolled to.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from msp_console.domain.health import HealthState, worst
from msp_console.services.views import ClientNode, MachineNode, SiteView, TreeSnapshot
from msp_console.ui.kind_icons import kind_icon
from msp_console.ui.labels import kind_text, node_kind_text
from msp_console.ui.states import state_icon, state_text

AnyIndex = QModelIndex | QPersistentModelIndex
# Problem states counted on clients and sites, worst first.
_COUNTED = (
    HealthState.CRITICAL,
    HealthState.UNREACHABLE,
    HealthState.WARNING,
    HealthState.UNKNOWN,
)
_SILENCED = HealthState.PENDING  # key of the count of acknowledged / in-maintenance problem machines
_ROOT = QModelIndex()  # the invisible root, as a default argument
BULK = 2_000  # machines changed in one call above which every client is rolled up afresh


class Column(IntEnum):
    NAME = 0
    STATE = 1
    ADDRESS = 2
    KIND = 3


class Role(IntEnum):
    REF = Qt.ItemDataRole.UserRole + 1  # NodeRef of the row
    SEARCH = Qt.ItemDataRole.UserRole + 2  # lower-case text the search box matches
    STATE = Qt.ItemDataRole.UserRole + 3  # HealthState or None
    SEVERITY = Qt.ItemDataRole.UserRole + 4  # int, higher is worse (sorting failing rows first)


@dataclass(frozen=True, slots=True)
class NodeRef:
    """What a row stands for, enough for actions: kind ('client'/'site'/'machine'), id, client."""

    kind: str
    id: int
    client_id: int
    name: str


class _Node:
    __slots__ = (
        "children",
        "counts",
        "display",
        "font",
        "icon",
        "machine",
        "muted",
        "note",
        "parent",
        "ref",
        "row",
        "search",
        "state",
        "tally",
        "uid",
    )

    def __init__(self, uid: int, ref: NodeRef, parent: _Node | None, row: int):
        self.uid, self.ref, self.parent, self.row = uid, ref, parent, row
        self.children: list[_Node] = []
        self.display: list[str] = ["", "", "", ""]
        self.icon: QIcon | None = None
        self.font: QFont | None = None
        self.search = ""
        self.state: HealthState | None = None
        self.machine: MachineNode | None = None
        self.muted: bool | str = False  # every problem acknowledged ("ack") or in "maintenance": dimmed
        self.note: object = ""  # what is wrong and since when (monitoring sets it; str() when shown)
        self.counts: dict[HealthState, int] = {}  # clients/sites: problem machines per state
        self.tally: dict[HealthState, int] = {}  # clients/sites: machines below per state


class ClientTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._snapshot = TreeSnapshot(())
        self._roots: list[_Node] = []
        self._nodes: list[_Node] = []
        self._machines: dict[int, _Node] = {}
        self._by_ref: dict[tuple[str, int], _Node] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._archived_font = QFont()
        self._archived_font.setItalic(True)
        self._archived_label = self.tr("(archived)")
        self._headers = [self.tr("Name"), self.tr("State"), self.tr("Address"), self.tr("Kind")]
        self._totals: dict[HealthState, int] | None = None  # problem_counts(), until a count changes
        self._dirty_rollups: dict[int, _Node] = {}  # clients/sites changed by the batch being applied
        self.show_counts = False  # clients/sites say "2 critical, 1 warning" (live monitoring on)
        # Which rows a view shows: (first uid, last uid, current uid), or None for "all of them"
        # (a sorted view, or none). Live changes outside the span emit nothing.
        self.visible_span: Callable[[], tuple[int, int, int] | None] | None = None
        self._state_texts = {s: state_text(s) for s in HealthState}
        self._kinds: dict[str, tuple[str, QIcon]] = {}  # a machine kind's text and icon

    # -- whole-snapshot replacement ----------------------------------------------------
    @property
    def snapshot(self) -> TreeSnapshot:
        return self._snapshot

    def set_snapshot(self, snapshot: TreeSnapshot) -> None:
        self.beginResetModel()
        self._snapshot = snapshot
        self._state_texts = {s: state_text(s) for s in HealthState}
        self._kinds = {}  # per kind, not per machine: 5,000 translations and icon lookups less
        self._nodes, self._roots, self._machines, self._by_ref = [], [], {}, {}
        for row, client in enumerate(snapshot.clients):
            self._roots.append(self._build_client(client, row))
        self.endResetModel()
        # Thousands of long-lived nodes (and all that was imported so far): out of the cyclic
        # collector's full passes, which would otherwise hold the GIL for hundreds of ms.
        gc.freeze()

    def _new(self, ref: NodeRef, parent: _Node | None, row: int) -> _Node:
        node = _Node(len(self._nodes), ref, parent, row)
        self._nodes.append(node)
        self._by_ref[(ref.kind, ref.id)] = node
        return node

    def _build_client(self, client: ClientNode, row: int) -> _Node:
        node = self._new(NodeRef("client", client.id, client.id, client.name), None, row)
        label = f"{client.name} {self._archived_label}" if client.archived else client.name
        node.display = [label, "", client.city, node_kind_text("client")]
        node.font = self._archived_font if client.archived else self._bold
        node.icon = kind_icon("client")
        node.search = client.name.casefold()
        for site in client.sites:
            snode = self._new(NodeRef("site", site.id, client.id, site.name), node, len(node.children))
            snode.display = [site.name, "", site.address, node_kind_text("site")]
            snode.icon = kind_icon("site")
            snode.search = f"{site.name}\n{site.address}".casefold()
            node.children.append(snode)
            for machine in site.machines:
                snode.children.append(self._build_machine(machine, snode))
        for machine in client.machines:
            node.children.append(self._build_machine(machine, node))
        self._roll_up(node)
        return node

    def _build_machine(self, machine: MachineNode, parent: _Node) -> _Node:
        node = self._new(
            NodeRef("machine", machine.id, machine.client_id, machine.name), parent, len(parent.children)
        )
        node.machine = machine
        kind = self._kinds.get(machine.kind)
        if kind is None:
            kind = self._kinds[machine.kind] = (kind_text(machine.kind), kind_icon(machine.kind))
        node.display = [machine.name, "", machine.address, kind[0]]  # state: when painted
        node.icon = kind[1]
        node.state = machine.state
        tags = machine.tags.replace(",", " ")
        node.search = f"{machine.name}\n{machine.address}\n{tags}\n{machine.kind}".casefold()
        self._machines[machine.id] = node
        return node

    def _roll_up(self, node: _Node) -> None:
        """A client's or site's state is the worst of the machines under it."""
        for child in node.children:
            if child.ref.kind == "site":
                self._roll_up(child)
        self._roll_up_one(node)

    # -- live updates of single rows -----------------------------------------------------
    def update_machine_state(self, machine_id: int, state: HealthState) -> None:
        self.update_machine_states({machine_id: state})

    def update_machine_states(self, states: Mapping[int, HealthState]) -> None:
        """Applies new states; the changed rows, and the clients and sites whose worst state or
        counts changed, get dataChanged (one per parent, over the rows on screen)."""
        self.update_machines(states, {})

    def update_machines(
        self, states: Mapping[int, HealthState], notes: Mapping[int, tuple[object, bool | str]]
    ) -> None:
        """New states and monitoring notes (see ``set_machine_notes``) for machines, in one pass."""
        if len(states) + len(notes) > BULK:
            self._update_all(states, notes)
            return
        changed: list[_Node] = []
        for machine_id in states.keys() | notes.keys():
            node = self._machines.get(machine_id)
            if node is None:
                continue
            state = states.get(machine_id, node.state)
            note, muted = notes.get(machine_id, (node.note, node.muted))
            if node.state is state and node.muted == muted:
                if node.note != note:
                    node.note = note
                    changed.append(node)
                continue
            before = (node.state, node.muted)
            node.state, node.note, node.muted = state, note, muted
            changed.append(node)
            self._move_tallies(node, before)
        self._emit_changed(changed)

    def _update_all(
        self, states: Mapping[int, HealthState], notes: Mapping[int, tuple[object, bool | str]]
    ) -> None:
        """Most machines at once (every check loaded): set them, roll every client up afresh,
        and repaint what is on screen."""
        for machine_id, node in self._machines.items():
            node.state = states.get(machine_id, node.state)
            node.note, node.muted = notes.get(machine_id, (node.note, node.muted))
        for root in self._roots:
            self._roll_up(root)
        self._dirty_rollups = {n.uid: n for n in self._nodes if n.machine is None}
        self._emit_changed(list(self._machines.values()))

    def _move_tallies(self, node: _Node, before: tuple[HealthState | None, bool | str]) -> None:
        """One machine went from ``before`` (state, muted) to its current ones: its client and site
        move it from one tally and count to the other, and are marked changed if that shows."""
        old_state, old_muted = before
        old_key = (_SILENCED if old_muted else old_state) if old_state in _COUNTED else None
        new_key = (_SILENCED if node.muted else node.state) if node.state in _COUNTED else None
        ancestor = node.parent
        while ancestor is not None:
            tally, counts = ancestor.tally, ancestor.counts
            if old_state is not node.state:
                _add(tally, old_state, -1)
                _add(tally, node.state, 1)
            if old_key is not new_key:
                _add(counts, old_key, -1)
                _add(counts, new_key, 1)
                self._totals = None
            state = worst(tally) if tally else None
            if state is not ancestor.state or old_key is not new_key:
                ancestor.state = state
                ancestor.display[Column.STATE] = ""  # formatted again when painted
                self._dirty_rollups[ancestor.uid] = ancestor
            ancestor = ancestor.parent

    def _roll_up_one(self, node: _Node) -> None:
        """The tally and counts of a client or site from scratch (sites first): when a snapshot arrives."""
        tally: dict[HealthState, int] = defaultdict(int)
        counts: dict[HealthState, int] = defaultdict(int)
        for c in node.children:
            if c.ref.kind == "machine":
                if c.state is not None:
                    tally[c.state] += 1
                if c.state in _COUNTED:
                    counts[_SILENCED if c.muted else c.state] += 1
            else:
                for table, below in ((tally, c.tally), (counts, c.counts)):
                    for state, n in below.items():
                        table[state] += n
        node.tally, node.counts = dict(tally), dict(counts)
        self._totals = None
        node.state = worst(node.tally) if node.tally else None
        node.display[Column.STATE] = ""  # formatted when painted

    def _rolled_text(self, node: _Node) -> str:
        if node.state is None:
            return ""
        if not self.show_counts or not node.counts:
            return self._state_texts[node.state]
        parts = [self._count_text(s, node.counts[s]) for s in _COUNTED if node.counts.get(s)]
        if node.counts.get(_SILENCED):
            parts.append(self.tr("%1 silenced").replace("%1", str(node.counts[_SILENCED])))
        return ", ".join(parts)

    def _count_text(self, state: HealthState, n: int) -> str:
        """Counts like "2 critical", with each language's plural forms (1 avviso, 2 avvisi)."""
        if state is HealthState.CRITICAL:
            return self.tr("%n critical", "", n)
        if state is HealthState.UNREACHABLE:
            return self.tr("%n unreachable", "", n)
        if state is HealthState.WARNING:
            return self.tr("%n warning", "", n)
        return self.tr("%n unknown", "", n)

    def set_machine_notes(self, notes: Mapping[int, tuple[object, bool | str]]) -> None:
        """Monitoring's word on machines: (what is wrong and since when — a text, or an object
        formatted only when the tooltip shows —, silenced? — True/"ack" or "maintenance", which
        picks the badge). Rows whose note or silencing changed get dataChanged; clients and
        sites recount."""
        self.update_machines({}, notes)

    def problem_counts(self) -> dict[HealthState, int]:
        """Problem machines per state over the whole tree (not counting silenced ones)."""
        if self._totals is None:  # summed again only after a count changed
            total: dict[HealthState, int] = defaultdict(int)
            for root in self._roots:
                for state, n in root.counts.items():
                    if state is not _SILENCED:
                        total[state] += n
            self._totals = dict(total)
        return dict(self._totals)

    _ROLES = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Role.STATE,
        Role.SEVERITY,
    )

    def _emit_changed(self, machines: list[_Node]) -> None:
        """One dataChanged per parent over its changed rows (machines, then the rolled-up sites and
        clients); only rows in the view's span when it gave one."""
        rolled, self._dirty_rollups = self._dirty_rollups, {}
        nodes = [*machines, *rolled.values()]
        span = self.visible_span() if self.visible_span is not None and nodes else None
        if span is not None:
            first, last, current = span
            nodes = [n for n in nodes if first <= n.uid <= last or n.uid == current]
        by_parent: dict[int, list[int]] = {}
        for node in nodes:
            rows = by_parent.setdefault(node.parent.uid if node.parent else -1, [node.row, node.row])
            if node.row < rows[0]:
                rows[0] = node.row
            elif node.row > rows[1]:
                rows[1] = node.row
        roles = list(self._ROLES)
        for parent_uid, (top, bottom) in by_parent.items():
            siblings = self._roots if parent_uid < 0 else self._nodes[parent_uid].children
            top_left = self.createIndex(top, Column.STATE, siblings[top].uid)
            bottom_right = self.createIndex(bottom, Column.STATE, siblings[bottom].uid)
            self.dataChanged.emit(top_left, bottom_right, roles)

    # -- lookups ---------------------------------------------------------------------------
    def index_for(self, kind: str, ident: int, column: int = 0) -> QModelIndex:
        node = self._by_ref.get((kind, ident))
        return self.createIndex(node.row, column, node.uid) if node is not None else QModelIndex()

    def index_for_path(self, path: str) -> QModelIndex:
        """'CLIENT' or 'CLIENT/MACHINE' (case-insensitive), as the CLI names them."""
        client_name, _, machine_name = path.partition("/")
        for root in self._roots:
            if root.ref.name.casefold() != client_name.strip().casefold():
                continue
            if not machine_name:
                return self.createIndex(root.row, 0, root.uid)
            for node in self._nodes:
                if (
                    node.ref.kind == "machine"
                    and node.ref.client_id == root.ref.id
                    and node.ref.name.casefold() == machine_name.strip().casefold()
                ):
                    return self.createIndex(node.row, 0, node.uid)
        return QModelIndex()

    def ref(self, index: AnyIndex) -> NodeRef | None:
        node = self._node(index)
        return node.ref if node is not None else None

    def client_archived(self, client_id: int) -> bool:
        return any(c.archived for c in self._snapshot.clients if c.id == client_id)

    def client_ref(self, client_id: int) -> NodeRef:
        name = next((c.name for c in self._snapshot.clients if c.id == client_id), "")
        return NodeRef("client", client_id, client_id, name)

    def site_view(self, site_id: int) -> tuple[SiteView, str, int] | None:
        """The site, its client's name and how many machines it holds."""
        for client in self._snapshot.clients:
            for s in client.sites:
                if s.id == site_id:
                    return SiteView(s.id, s.client_id, s.name, s.address), client.name, len(s.machines)
        return None

    def machine_state(self, machine_id: int) -> HealthState | None:
        """The live state the tree shows (fresher than what the database card says)."""
        node = self._machines.get(machine_id)
        return node.state if node is not None else None

    def site_of_machine(self, machine_id: int) -> str:
        node = self._machines.get(machine_id)
        return (
            node.parent.ref.name
            if node is not None and node.parent and node.parent.ref.kind == "site"
            else ""
        )

    def machine_names(self, client_id: int) -> list[str]:
        return [n.ref.name for n in self._nodes if n.ref.kind == "machine" and n.ref.client_id == client_id]

    def machines_behind(self, client_id: int, name: str) -> int:
        return sum(
            1
            for n in self._machines.values()
            if n.ref.client_id == client_id and n.machine is not None and n.machine.parent_name == name
        )

    # -- QAbstractItemModel ---------------------------------------------------------------
    def _node(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        return self._nodes[index.internalId()]

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= len(Column) or row < 0:
            return QModelIndex()
        siblings = self._children(parent)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row].uid)

    def _children(self, parent: AnyIndex) -> list[_Node]:
        node = self._node(parent)
        return self._roots if node is None else node.children

    def parent(self, index: AnyIndex | None = None) -> Any:
        if index is None:  # QObject.parent(): the model's owner, not a tree index
            return super().parent()
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.uid)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(Column)

    def hasChildren(self, parent: AnyIndex = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Column.STATE:
                return self._state_display(node)
            return node.display[col]
        if role == Qt.ItemDataRole.DecorationRole:
            if col == Column.NAME:
                return node.icon
            if col == Column.STATE and node.state is not None:
                return state_icon(node.state, muted=node.muted)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.FontRole and col == Column.NAME:
            return node.font
        if role == Role.REF:
            return node.ref
        if role == Role.SEARCH:
            return node.search
        if role == Role.STATE:
            return node.state
        if role == Role.SEVERITY:
            return node.state.severity if node.state is not None else -1
        return None

    def _state_display(self, node: _Node) -> str:
        """The State column's text, formatted when painted (a roll-up's is kept until it changes)."""
        if node.machine is not None:
            return self._state_texts[node.state] if node.state is not None else ""
        if not node.display[Column.STATE] and node.state is not None:
            node.display[Column.STATE] = self._rolled_text(node)
        return node.display[Column.STATE]

    def _tooltip(self, node: _Node) -> str | None:
        m = node.machine
        if m is None:
            return self._state_display(node) if self.show_counts and node.counts else None
        lines = [f"{m.name} — {kind_text(m.kind)}"]
        note = str(node.note)
        if note:
            lines.append(note)
        if m.address:
            lines.append(m.address)
        if m.parent_name:
            lines.append(self.tr("Behind: %1").replace("%1", m.parent_name))
        if m.tags:
            lines.append(self.tr("Tags: %1").replace("%1", m.tags.replace(",", ", ")))
        return "\n".join(lines)


def _add(table: dict[HealthState, int], key: HealthState | None, n: int) -> None:
    """Adds ``n`` to ``table[key]`` (None: nothing), dropping keys that reach zero."""
    if key is None:
        return
    left = table.get(key, 0) + n
    if left:
        table[key] = left
    else:
        del table[key]
