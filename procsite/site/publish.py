"""``procsite publish``: build, write the Content-Security-Policy, and copy the site to where it is served.

The target is a folder on this machine (the web server's root, a shared drive) or ``host:folder``
on a server reached over SSH, copied with rsync. A local target is replaced the way ``build``
replaces its site: only when it is empty or a site of ours, in one step (``site_folder``). The CSP
snippet is written beside the built site, for whoever runs nginx to install (see the guide).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from procsite.messages import DEFAULT_LANGUAGE, Msg
from procsite.site import folder as site_folder
from procsite.site.csp import nginx_snippet

_REMOTE = re.compile(r"^(?![A-Za-z]:[\\/])[^/\\:]+:")
"""``host:folder`` or ``user@host:folder``, but not a Windows path such as ``D:\\web``."""


def csp_file(site: Path) -> Path:
    """Where the CSP snippet of a built site is written: beside it, never inside the published folder."""
    return site.with_name(f"{site.name}.csp.conf")


def publish(site: Path, target: str, procedures: Path, lang: str = DEFAULT_LANGUAGE) -> int:
    """Copy the built ``site`` to ``target``; 0 when published. The CSP snippet goes beside ``site``."""
    csp = csp_file(site)
    csp.write_text(nginx_snippet(site), encoding="utf-8")
    remote = _REMOTE.match(target) is not None
    status = _rsync(site, target, lang) if remote else _copy(site, Path(target), procedures, lang)
    if status == 0:
        print(Msg("publish.done", target=target, csp=str(csp)).render(lang))
    return status


def _copy(site: Path, target: Path, procedures: Path, lang: str) -> int:
    try:
        target = site_folder.check_site(target, procedures)
    except site_folder.SiteFolderError as error:
        print(error.message.render(lang), file=sys.stderr)
        return 1
    site_folder.clean_stale(target)
    with site_folder.stop_on_signals(), site_folder.staging(target) as staged:
        shutil.copytree(site, staged, symlinks=False)
        site_folder.publish(staged, target)
    return 0


def _rsync(site: Path, target: str, lang: str) -> int:
    rsync = shutil.which("rsync")
    if rsync is None:
        print(Msg("publish.no_rsync").render(lang), file=sys.stderr)
        return 1
    # --delay-updates puts the new files in place at the end, together: visitors meanwhile get old pages.
    command = [rsync, "-a", "--delete", "--delay-updates", f"{site}/", target.rstrip("/") + "/"]
    result = subprocess.run(command, check=False)
    if result.returncode != 0:
        print(Msg("publish.rsync_failed", status=result.returncode, target=target).render(lang), file=sys.stderr)
        return 1
    return 0
