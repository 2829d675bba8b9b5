"""The web room: the phones' page, the projector's page and the facilitator's controls,
served by Starlette over the application layer (:func:`facilitate.web.app.create_app`)."""
