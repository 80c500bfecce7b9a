"""Windows security posture: the PowerShell lines the bundle adds, and their parser.

Properties are printed by name (``msp.mp.RealTimeProtectionEnabled=True``) the way the cmdlets name
them (Get-NetFirewallProfile, Get-MpComputerStatus, root/SecurityCenter2 AntiVirusProduct, Get-HotFix,
Get-BitLockerVolume). String expansion in PowerShell is culture-invariant, so numbers and booleans
read the same on an Italian Windows; the one value Windows itself stores in a local format is a
hotfix's ``InstalledOn`` (``12/4/2026`` or ``04/12/2026``), which is parsed here. A module that is
missing says so (``msp.bl=none``) instead of leaving the point silently blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

# Appended to the bundle after ``$os`` and ``$mp`` are set; kept terse (cmd.exe caps a command
# line at 8,191 characters and the script travels base64-encoded UTF-16).
SCRIPT = r"""
function Put($p,$o,$n){foreach($k in $n){$v=$o.$k
if($v -is [datetime]){$v=$v.ToUniversalTime().ToString('o')}
if($null -ne $v){"msp.$p.$k=$v"}}}
"msp.producttype=$($os.ProductType)"
$fw=@(Get-NetFirewallProfile)
if($fw.Count){$fw|%{"msp.fw.$($_.Name)=$($_.Enabled)"}}else{'msp.fw=none'}
$n='AMRunningMode AntivirusEnabled RealTimeProtectionEnabled QuickScanAge FullScanAge IsTamperProtected'
if($mp){Put mp $mp ($n -split ' ')}else{'msp.mp=none'}
if($os.ProductType -eq 1){$av=@(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct)
if($av.Count){$av|%{"msp.av=$($_.productState) $($_.displayName)"}}else{'msp.av=none'}}
$k='HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\';$r=@()
if(Test-Path ($k+'Component Based Servicing\RebootPending')){$r+='cbs'}
if(Test-Path ($k+'WindowsUpdate\Auto Update\RebootRequired')){$r+='wu'}
if((Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager').PendingFileRenameOperations){
$r+='rename'}
"msp.reboot=$($r -join ',')"
Get-HotFix|%{$d=$_.psbase.Properties['InstalledOn'].Value
if(-not $d -and $_.InstalledOn){$d=$_.InstalledOn.ToString('o')};"msp.hotfix=$($_.HotFixID) $d"}
if(Get-Command Get-BitLockerVolume){$b=Get-BitLockerVolume -MountPoint $env:SystemDrive
if($b){Put bl $b ('ProtectionStatus','VolumeStatus','EncryptionPercentage')}else{'msp.bl=denied'}
}else{'msp.bl=none'}
"""

NEVER = 4294967295  # Get-MpComputerStatus's age of a scan that never ran (UInt32.MaxValue)
DEFENDER_NAMES = ("windows defender", "microsoft defender")
# iwscapi.h WSC_SECURITY_PRODUCT_STATE / WSC_SECURITY_SIGNATURE_STATUS, inside productState
_STATE_MASK, _STATE_ON = 0xF000, 0x1000
_OUT_OF_DATE = 0x10


@dataclass(frozen=True)
class Antivirus:
    """One product registered with the Windows Security Center."""

    name: str
    enabled: bool
    up_to_date: bool

    @property
    def is_defender(self) -> bool:
        return self.name.strip().lower().startswith(DEFENDER_NAMES)


def decode_product_state(state: int) -> tuple[bool, bool]:
    """(enabled, up to date) from SecurityCenter2's productState (e.g. 397568 = 0x061100: on, current)."""
    return (state & _STATE_MASK) == _STATE_ON, not (state & _OUT_OF_DATE)


@dataclass
class WindowsPosture:
    """The facts read from the bundle; ``values`` are the metrics ``domain.posture`` judges."""

    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # metric → words for the check's output


def _flag(text: str) -> bool | None:
    low = text.strip().lower()
    if low in {"true", "1", "on", "notconfigured"}:  # a profile not configured by policy is on
        return True
    if low in {"false", "0", "off"}:
        return False
    return None


def parse(pairs: Iterable[tuple[str, str]], now: datetime | None = None) -> WindowsPosture:
    """The posture from the bundle's ``(key, value)`` pairs; points the host did not report stay out."""
    now = now or datetime.now(UTC)
    mp: dict[str, str] = {}
    bl: dict[str, str] = {}
    firewall: dict[str, bool] = {}
    products: list[Antivirus] = []
    hotfixes: list[tuple[str, str]] = []
    client_edition = defender_missing = False
    signature_age = ""
    reboot: str | None = None
    bitlocker_missing = ""
    for key, value in pairs:
        if key.startswith("mp."):
            mp[key[3:]] = value
        elif key.startswith("bl."):
            bl[key[3:]] = value
        elif key.startswith("fw."):
            on = _flag(value)
            if on is not None:
                firewall[key[3:]] = on
        elif key == "mp":
            defender_missing = True
        elif key == "defender_age":
            signature_age = value
        elif key == "producttype":
            client_edition = value.strip() == "1"
        elif key == "av" and value and value != "none":
            state, _, name = value.partition(" ")
            if state.isdigit():
                products.append(Antivirus(name.strip(), *decode_product_state(int(state))))
        elif key == "reboot":
            reboot = value
        elif key == "hotfix" and value:
            kb, _, when = value.partition(" ")
            hotfixes.append((kb, when.strip()))
        elif key == "bl":
            bitlocker_missing = value
    out = WindowsPosture()
    if firewall:
        off = [name for name, on in firewall.items() if not on]
        out.values["firewall_off"] = float(len(off))
        for name, on in firewall.items():
            out.values[f"firewall_on:{name}"] = 1.0 if on else 0.0
        if off:
            out.notes["firewall_off"] = ", ".join(off)
    _antivirus(out, mp, products, client_edition, defender_missing)
    if (
        signature_age.strip().isdigit()
        and "antivirus_outdated" not in out.values
        and "passive" not in (mp.get("AMRunningMode", "").lower())
    ):  # Defender's signatures matter while Defender is the antivirus (or nothing says otherwise)
        out.values["defender_signature_age"] = float(signature_age)
    if reboot is not None:
        out.values["reboot_pending"] = 1.0 if reboot.strip() else 0.0
        if reboot.strip():
            out.notes["reboot_pending"] = reboot.strip()
    _updates(out, hotfixes, now)
    _bitlocker(out, bl, bitlocker_missing)
    return out


def _antivirus(
    out: WindowsPosture,
    mp: dict[str, str],
    products: list[Antivirus],
    client_edition: bool,
    defender_missing: bool,
) -> None:
    third = [p for p in products if not p.is_defender]
    active_third = [p for p in third if p.enabled]
    defender_on = _flag(mp.get("RealTimeProtectionEnabled", "")) is True and _flag(
        mp.get("AntivirusEnabled", "True")
    )
    passive = "passive" in mp.get("AMRunningMode", "").lower()
    if active_third:  # a third-party product protects the machine: Defender steps back (passive/off)
        product = active_third[0]
        out.values["antivirus_off"] = 0.0
        out.values["antivirus_outdated"] = 0.0 if product.up_to_date else 1.0
        out.notes["antivirus_off"] = product.name
        out.notes["antivirus_outdated"] = product.name
        return
    if mp and not passive:
        out.values["antivirus_off"] = 0.0 if defender_on else 1.0
        out.notes["antivirus_off"] = "Microsoft Defender"
        ages = [_days(mp.get(k, "")) for k in ("QuickScanAge", "FullScanAge")]
        known = [a for a in ages if a is not None]
        if known or mp.get("QuickScanAge"):
            out.values["scan_age"] = float(min(known)) if known else 9999.0
        tamper = _flag(mp.get("IsTamperProtected", ""))
        if tamper is not None:
            out.values["tamper_off"] = 0.0 if tamper else 1.0
        return
    if third:  # registered but switched off (or expired)
        out.values["antivirus_off"] = 1.0
        out.notes["antivirus_off"] = third[0].name
        return
    if client_edition and (defender_missing or passive) and not products:
        out.values["antivirus_off"] = 1.0  # a workstation with no antivirus at all
        out.notes["antivirus_off"] = ""


def _days(text: str) -> int | None:
    try:
        value = int(text.strip())
    except ValueError:
        return None
    return None if value >= NEVER or value < 0 else value


_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})")


def _one_date(text: str, day_first: bool) -> datetime | None:
    text = text.strip()
    try:
        if re.fullmatch(r"[0-9a-fA-F]{16}", text):  # FILETIME: 100 ns since 1601
            return datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(text, 16) // 10)
        if re.fullmatch(r"\d{8}", text):
            return datetime.strptime(text, "%Y%m%d").replace(tzinfo=UTC)
        match = _SLASHED.match(text)
        if match:
            a, b, year = (int(x) for x in match.groups())
            day, month = (a, b) if day_first else (b, a)
            return datetime(year, month, day, tzinfo=UTC)
        if text[:4].isdigit() and "-" in text:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00")[:32])
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        return None
    return None


def _updates(out: WindowsPosture, hotfixes: list[tuple[str, str]], now: datetime) -> None:
    known = [(d, kb) for (kb, _w), d in zip(hotfixes, _hotfix_dates(hotfixes), strict=True) if d]
    if not known:
        return
    newest, kb = max(known)
    out.values["update_age"] = float(max(0, (now - newest).days))
    out.notes["update_age"] = f"{kb} on {newest:%Y-%m-%d}"


def _hotfix_dates(hotfixes: list[tuple[str, str]]) -> list[datetime | None]:
    """InstalledOn as Windows stored it: ISO, ``yyyyMMdd``, a FILETIME in hex, or a slashed date
    whose order (US ``M/d/yyyy`` or Italian ``dd/MM/yyyy``) one unambiguous date on the host tells.
    None where unreadable, in the hotfixes' order."""
    raw = [when for _kb, when in hotfixes]
    slashed = [m.groups() for m in (_SLASHED.match(r) for r in raw) if m]
    day_first = any(int(a) > 12 for a, _b, _y in slashed) and not any(int(b) > 12 for _a, b, _y in slashed)
    return [_one_date(r, day_first) for r in raw]


def _bitlocker(out: WindowsPosture, bl: dict[str, str], missing: str) -> None:
    if missing:  # "none": no BitLocker module (Home edition); "denied": not readable by this user
        out.notes["bitlocker"] = missing
        return
    status = bl.get("ProtectionStatus", "").strip()
    if not status:
        return
    on = status.lower() in {"on", "1"}
    out.values["bitlocker_off"] = 0.0 if on else 1.0
    volume = bl.get("VolumeStatus", "").strip()
    if not on:
        out.notes["bitlocker_off"] = volume or status
