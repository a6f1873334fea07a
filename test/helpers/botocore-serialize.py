"""The wire reference: botocore's own serializer (botocore/serialize.py) for a model and inputs.

stdin: {"model": <botocore service-2 JSON>, "endpoint": "http://host:port",
        "cases": [{"operation": "Name", "params": {...}}]}
Timestamps in params are {"$date": <milliseconds since the epoch>}.
stdout: one {"method", "url", "headers", "body"} per case, as botocore would send them
(prepare_request_dict builds the URL; signing and user-agent headers are not added here).
"""
import datetime
import json
import sys

import botocore
from botocore.awsrequest import prepare_request_dict
from botocore.model import ServiceModel
from botocore.serialize import create_serializer

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def revive(value):
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return EPOCH + datetime.timedelta(milliseconds=value["$date"])
        return {key: revive(item) for key, item in value.items()}
    if isinstance(value, list):
        return [revive(item) for item in value]
    return value


def main():
    request = json.load(sys.stdin)
    model = ServiceModel(request["model"])
    # The protocol the importer picked (scripts/import/protocol.ts): the first entry of the
    # preference list that the runtime speaks. botocore's own first choice may be one we do not
    # speak (smithy-rpc-v2-cbor), and comparing against that would compare different protocols.
    offered = model.metadata.get("protocols", [model.metadata["protocol"]])
    protocol = next(name for name in offered if name in ("json", "rest-json"))
    serializer = create_serializer(protocol, include_validation=True)
    out = []
    for case in request["cases"]:
        operation = model.operation_model(case["operation"])
        serialized = serializer.serialize_to_request(revive(case["params"]), operation)
        prepare_request_dict(serialized, endpoint_url=request["endpoint"])
        body = serialized["body"]
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        out.append(
            {
                "method": serialized["method"],
                "url": serialized["url"],
                "headers": {k.lower(): str(v) for k, v in serialized["headers"].items()},
                "body": body,
            }
        )
    json.dump({"botocore": botocore.__version__, "requests": out}, sys.stdout)


main()
