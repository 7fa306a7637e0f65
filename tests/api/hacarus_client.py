"""A HACARUS Check v1 client written from the API document (seed 004), not from QC Station's code.

Only the document's paths, methods, fields and ``{"data": ...}`` wrappers are used, so the
end-to-end test shows that a client coded against HACARUS works against the station.
"""

from __future__ import annotations

from typing import Any

import httpx


class HacarusError(Exception):
    def __init__(self, response: httpx.Response) -> None:
        self.status = response.status_code
        try:
            self.body = response.json()
        except ValueError:
            self.body = {"raw": response.text}
        super().__init__(f"HTTP {self.status}: {self.body}")


class HacarusClient:
    def __init__(self, base_url: str, timeout: float = 60.0) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=timeout)
        self.token: str | None = None

    def close(self) -> None:
        self.http.close()

    def _call(self, method: str, path: str, **kw: Any) -> httpx.Response:
        headers = kw.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        r = self.http.request(method, path, headers=headers, **kw)
        if r.status_code >= 400:
            raise HacarusError(r)
        return r

    def _data(self, method: str, path: str, **kw: Any) -> Any:
        return self._call(method, path, **kw).json()["data"]

    # token
    def login(self, client_id: str, client_secret: str) -> dict[str, Any]:
        body = self._call("POST", "/api/auth/token", json={"grant_type": "client_credentials",
                                                           "client_id": client_id,
                                                           "client_secret": client_secret}).json()
        self.token = body["access_token"]
        return body

    # targets
    def targets(self) -> list[dict[str, Any]]:
        return self._data("GET", "/api/v1/targets/")

    def target(self, target_id: int) -> dict[str, Any]:
        return self._data("GET", f"/api/v1/targets/{target_id}")

    def set_target(self, target_id: int) -> dict[str, Any]:
        return self._data("POST", f"/api/v1/targets/{target_id}")

    def model_results(self, model_ids: list[str]) -> str:
        return self._call("POST", "/api/v1/targets/model/results", params={"model_ids": model_ids}).text

    # algorithms
    def algorithms(self) -> list[dict[str, Any]]:
        return self._data("GET", "/api/v1/algorithms/")

    def algorithm(self, algorithm_id: str) -> dict[str, Any]:
        return self._data("GET", f"/api/v1/algorithms/{algorithm_id}")

    def train(self, algorithm_id: str, name: str, item_ids: list[str],
              override_params: list[dict[str, Any]]) -> dict[str, Any]:
        return self._data("POST", f"/api/v1/algorithms/{algorithm_id}/train",
                          json={"name": name, "item_ids": item_ids, "override_params": override_params})

    # models
    def models(self, algorithm_id: str | None = None) -> list[dict[str, Any]]:
        return self._data("GET", "/api/v1/models/", params={"algorithm_id": algorithm_id} if algorithm_id else None)

    def model(self, model_id: str) -> dict[str, Any]:
        return self._data("GET", f"/api/v1/models/{model_id}")

    def delete_models(self, model_ids: list[str]) -> dict[str, Any]:
        return self._data("DELETE", "/api/v1/models/", params={"model_ids": model_ids})

    def export_models(self, model_ids: list[str]) -> bytes:
        return self._call("POST", "/api/v1/models/export", json={"model_ids": model_ids}).content

    def import_models(self, zip_bytes: bytes) -> list[dict[str, Any]]:
        return self._data("POST", "/api/v1/models/import", files={"models": ("models.zip", zip_bytes,
                                                                             "application/zip")})

    def update_predict_parameters(self, model_id: str, **params: Any) -> dict[str, Any]:
        return self._data("POST", f"/api/v1/models/{model_id}/update_predict_parameters", json=params)

    def update_predict_callback(self, model_id: str, callback_url: str, callback_method: str) -> dict[str, Any]:
        return self._data("POST", f"/api/v1/models/{model_id}/update_predict_callback",
                          json={"callback_url": callback_url, "callback_method": callback_method})

    def predict(self, model_id: str, item_ids: list[str]) -> dict[str, Any]:
        return self._data("POST", f"/api/v1/models/{model_id}/predict", json={"item_ids": item_ids})

    # items
    def items(self, item_type: str, count: int | None = None, page: int | None = None,
              model_id: str | None = None) -> dict[str, Any]:
        params = {k: v for k, v in {"item_type": item_type, "count": count, "page": page,
                                    "model_id": model_id}.items() if v is not None}
        return self._data("GET", "/api/v1/items/", params=params)

    def add_items(self, files: list[tuple[str, bytes]], training: bool, good: bool | None = None,
                  model_id: str | None = None) -> list[str]:
        data = {"training": "true" if training else "false"}
        if good is not None:
            data["good"] = "true" if good else "false"
        if model_id:
            data["model_id"] = model_id
        r = self._call("POST", "/api/v1/items/", data=data,
                       files=[("files[]", (name, content, "application/octet-stream")) for name, content in files])
        assert r.status_code == 201, r.text
        return r.json()["data"]["item_ids"]

    def item(self, item_id: str, show_assessments: bool = True, show_annotations: bool = True) -> dict[str, Any]:
        return self._data("GET", f"/api/v1/items/{item_id}",
                          params={"show_assessments": show_assessments, "show_annotations": show_annotations})

    def annotate(self, item_id: str, annotations: list[dict[str, Any]]) -> int:
        return self._call("PATCH", f"/api/v1/items/{item_id}", json={"annotations": annotations}).status_code

    def delete_items(self, item_ids: list[str]) -> httpx.Response:
        return self._call("DELETE", "/api/v1/items/", json={"item_ids": item_ids})

    # utils
    def set_license(self, license_data: bytes) -> dict[str, Any]:
        return self._data("POST", "/api/v1/utils/", files={"license_data": ("licence", license_data)})

    def logs(self) -> bytes:
        return self._call("POST", "/api/v1/utils/debug").content

    def node_hash(self) -> str:
        return self._data("POST", "/api/v1/utils/node_hash")["hash_id"]
