"""The generic job registry: progress, result, failure, cancel with a partial result, limits."""

from __future__ import annotations

import threading

import pytest

from station.jobs import JobRegistry, TooManyJobs


def test_progress_result_and_listener_sees_an_instant_failure():
    reg = JobRegistry(max_running=2)
    seen = []

    def work(job):
        for i in range(3):
            job.progress(i + 1, 3, f"step {i + 1}")
        return {"answer": 42}

    job = reg.submit("demo", work, listener=seen.append)
    assert job.wait(10)
    status = job.status()
    assert (status.state, status.done, status.total, status.result) == ("done", 3, 3, {"answer": 42})
    assert status.fraction == 1.0 and status.to_dict()["progress"] == 1.0
    assert seen[-1].state == "done" and [s.done for s in seen[:3]] == [1, 2, 3]

    ended = []
    bad = reg.submit("demo", lambda job: 1 / 0, listener=ended.append)  # fails before anyone could subscribe
    assert bad.wait(10)
    assert ended and ended[-1].state == "failed" and "division" in ended[-1].error
    assert reg.get(bad.id) is bad and reg.get("nope") is None


def test_cancel_keeps_the_partial_result_and_the_limit_holds():
    reg = JobRegistry(max_running=1)
    started = threading.Event()

    def work(job):
        done = []
        while not job.cancelled.is_set():
            done.append(len(done))
            job.set_partial(list(done))
            started.set()
            job.cancelled.wait(0.01)
        return done

    job = reg.submit("long", work)
    assert started.wait(10)
    with pytest.raises(TooManyJobs):
        reg.submit("other", lambda job: None)
    assert job.cancel()
    assert job.wait(10)
    status = job.status()
    assert status.state == "cancelled" and len(status.result) >= 1
    assert not job.cancel(), "a finished job cannot be cancelled again"
    assert reg.submit("other", lambda job: "ok").wait(10)
