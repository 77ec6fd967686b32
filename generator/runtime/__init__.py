"""The SDK's hand-written runtime: copied verbatim (every module but this one) into the generated
package, next to the templated modules. It is also importable from here so its tests need no
generated code. Modules import each other relatively and nothing else of the package."""
