package dev.hipflex.tracking.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.fhirpath.IFhirPath;

/**
 * The R4 invariants (the error-level constraints, as FHIRPath, of the base definitions in
 * hapi-fhir-validation-resources-r4) of a Bundle and each resource in it. HAPI's full instance validator
 * (hapi-fhir-validation) is not served here; the schema checks structure and cardinality, this checks the rules between
 * elements the schema cannot say (e.g. bdl-7: fullUrls are unique; obs-6: no dataAbsentReason beside a value).
 * A constraint whose expression this FHIRPath engine cannot evaluate is counted as skipped, never as passed.
 */
final class FhirInvariants {

    /** What one check found: the constraints broken, and how many were evaluated and skipped. */
    record Result(List<String> errors, int evaluated, Set<String> skipped) {
    }

    private final IFhirPath fhirPath;
    private final Map<String, StructureDefinition> definitions = new HashMap<>();

    FhirInvariants(FhirContext context) {
        fhirPath = context.newFhirPath();
        for (IBaseResource resource : new DefaultProfileValidationSupport(context).fetchAllStructureDefinitions()) {
            StructureDefinition definition = (StructureDefinition) resource;
            if (definition.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
                    && definition.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION) {
                definitions.put(definition.getType(), definition);
            }
        }
    }

    Result check(Bundle bundle) {
        List<String> errors = new ArrayList<>();
        Set<String> skipped = new HashSet<>();
        int evaluated = check(bundle, errors, skipped);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            evaluated += check(entry.getResource(), errors, skipped);
        }
        return new Result(errors, evaluated, skipped);
    }

    private int check(Resource resource, List<String> errors, Set<String> skipped) {
        int evaluated = 0;
        for (ElementDefinition element : definitions.get(resource.fhirType()).getSnapshot().getElement()) {
            for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
                if (constraint.getSeverity() != ElementDefinition.ConstraintSeverity.ERROR || !constraint.hasExpression()) {
                    continue;
                }
                for (Base node : nodes(resource, element.getPath())) {
                    try {
                        List<BooleanType> holds = fhirPath.evaluate(node, constraint.getExpression(), BooleanType.class);
                        evaluated++;
                        if (!holds.isEmpty() && !holds.get(0).booleanValue()) {
                            errors.add(resource.fhirType() + "/" + resource.getIdPart() + " " + element.getPath() + " "
                                    + constraint.getKey() + ": " + constraint.getHuman());
                        }
                    } catch (RuntimeException e) {
                        skipped.add(constraint.getKey());
                    }
                }
            }
        }
        return evaluated;
    }

    /** The nodes of {@code resource} at an element path such as Observation.value[x]. */
    private List<Base> nodes(Resource resource, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return List.of(resource);
        }
        return fhirPath.evaluate(resource, path.substring(dot + 1).replace("[x]", ""), Base.class);
    }
}
