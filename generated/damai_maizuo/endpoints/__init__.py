"""One module per endpoint, holding its models and its calls:

- ``user_authcode_send``: ``alibaba.damai.maizuo.openapi.user.authcode.send``

Structs are scoped to their endpoint (two endpoints may each have a ``ResultData``), so import
them from the endpoint's module, e.g.
``from damai_maizuo.endpoints.user_authcode_send import ...``.
Generated from the spec; do not edit by hand.
"""
