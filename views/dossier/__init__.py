"""The dossier: a container (:class:`DossierWidget`) and one module per section."""

from views.dossier.container import Column, DossierWidget

__all__ = ["Column", "DossierWidget"]
