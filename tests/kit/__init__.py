"""The SDK's testing kit (``damai_maizuo[testing]``)."""
