"""One module per endpoint, holding its models and its calls:

- ``eticket_qrcode``: ``alibaba.damai.maizuo.openapi.eticket.qrcode``
- ``event_good_list``: ``alibaba.damai.maizuo.openapi.event.good.list``
- ``event_list``: ``alibaba.damai.maizuo.openapi.event.list``
- ``order_submit``: ``alibaba.damai.maizuo.openapi.order.submit``
- ``project_detail``: ``alibaba.damai.maizuo.openapi.project.detail``
- ``trade_pay_result_callback``: ``alibaba.damai.maizuo.openapi.trade.pay.result.callback``
- ``trade_shopcart_build``: ``alibaba.damai.maizuo.openapi.trade.shopcart.build``
- ``user_authcode_send``: ``alibaba.damai.maizuo.openapi.user.authcode.send``
- ``user_register``: ``alibaba.damai.maizuo.openapi.user.register``
- ``user_register_byauthcode``: ``alibaba.damai.maizuo.openapi.user.register.byauthcode``
- ``mz_b_order_create``: ``alibaba.damai.mz.b.order.create``
- ``mz_b_ptnr_order_tickets``: ``alibaba.damai.mz.b.ptnr.order.tickets``
- ``mz_b_ticket_list``: ``alibaba.damai.mz.b.ticket.list``
- ``mz_crm_account_modifypwd``: ``alibaba.damai.mz.crm.account.modifypwd``
- ``mz_distribution_order_create``: ``alibaba.damai.mz.distribution.order.create``
- ``mz_event_list``: ``alibaba.damai.mz.event.list``
- ``mz_order_create``: ``alibaba.damai.mz.order.create``
- ``mz_order_detail``: ``alibaba.damai.mz.order.detail``
- ``mz_order_render``: ``alibaba.damai.mz.order.render``
- ``mz_project_detail``: ``alibaba.damai.mz.project.detail``
- ``mz_seat_list``: ``alibaba.damai.mz.seat.list``
- ``mz_seat_state_list``: ``alibaba.damai.mz.seat.state.list``
- ``mz_user_register``: ``alibaba.damai.mz.user.register``

Structs are scoped to their endpoint (two endpoints may each have a ``ResultData``), so import
them from the endpoint's module, e.g.
``from damai_maizuo.endpoints.eticket_qrcode import ...``.
Generated from the spec; do not edit by hand.
"""
