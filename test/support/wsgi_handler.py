"""Serves one request through a WSGI handler named the way wfastcgi names it.

Input (JSON on stdin): {"path": [sys.path entries], "environ": {name: value}, "handler": dotted
name, "request": {"path": ..., "headers": {...}}}. Output (JSON on stdout): status and body.

Resolution follows wfastcgi: import the longest importable prefix of the dotted name, then walk
the remaining parts as attributes, calling every part written with a trailing "()".
"""

import http.client
import importlib
import json
import os
import sys
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server


def resolve(handler_name):
    parts = handler_name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        module_name = ".".join(parts[:split])
        if module_name.endswith("()"):
            continue
        try:
            target = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            # Only a missing prefix means "try a shorter one"; any other import error is the app's.
            if error.name is None or not module_name.startswith(error.name):
                raise
            continue
        for attribute in parts[split:]:
            call = attribute.endswith("()")
            target = getattr(target, attribute[:-2] if call else attribute)
            if call:
                target = target()
        return target
    raise ImportError(f"no importable module in WSGI_HANDLER {handler_name!r}")


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def main():
    spec = json.load(sys.stdin)
    os.environ.update(spec["environ"])
    sys.path[:0] = spec["path"]
    app = resolve(spec["handler"])
    if not callable(app):
        raise TypeError(f"WSGI_HANDLER {spec['handler']!r} resolved to {app!r}, which is not callable")
    server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
    request = spec["request"]
    connection.request("GET", request["path"], headers=request["headers"])
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    thread.join()
    server.server_close()
    json.dump({"status": response.status, "body": body}, sys.stdout)


main()
