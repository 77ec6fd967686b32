"""The mock TOP gateway's engine and HTTP server, copied verbatim from the SDK's generator (its
``maizuo-gen mock``): the same code, so this mock checks and answers calls exactly as the one
the SDK is tested against. Partners use it through the ``testing`` package."""
