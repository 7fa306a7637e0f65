"""The station core: one object that the GUI, the HTTP endpoint and the CLI all go through.

It holds the active model, owns the single inference worker and its bounded queue, records
every result in storage and publishes events. No Qt widgets here: ``serve`` runs headless.
"""
