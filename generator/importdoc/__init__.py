"""``maizuo-gen import-doc``: turn a TOP doc page (its copied text form) into the spec.

The flow, one module per step::

    page text ──parse/tables──▶ page model (cells with line numbers)
              ──nesting──▶ fields in their structs (javaexample, samples, evidence help)
              ──fields──▶ typed fields (examples, enums, constraints)
              ──schema/examples/operation──▶ the endpoint's Path Item
              ──yamlout──▶ spec/endpoints/<method>.yaml, plus its entry in spec/openapi.yaml
                           (rootfile), planned whole and written atomically (plan, cli)

Whatever the page leaves open is decided by documented rules (``spec/IMPORTING.md``) and
recorded in the operation's ``x-top-doc`` for a reviewer.
"""
