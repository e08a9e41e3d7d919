"""Key slots held by a smart card or security key through PKCS#11 (SITHS, YubiKey PIV,
SoftHSM2 in the tests): the binding, the mechanisms, enrolment and their errors
(docs/store.md, "Token slots")."""
