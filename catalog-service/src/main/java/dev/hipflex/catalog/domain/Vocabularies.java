package dev.hipflex.catalog.domain;

/** The closed vocabularies of the catalog, in one place so that editors can see them all. */
public final class Vocabularies {

    private Vocabularies() {
    }

    public enum ExerciseCategory implements Vocabulary {
        RELEASE, STRETCH, STRENGTHEN, MOBILITY
    }

    /** Muscles that exercises work besides the five hip flexors that the catalog describes in full. */
    public enum SupportingMuscle implements Vocabulary {
        GLUTEUS_MAXIMUS, GLUTEUS_MEDIUS, HAMSTRINGS, DEEP_CORE, QUADRICEPS, QUADRATUS_LUMBORUM, HIP_ROTATORS,
        LUMBAR_SPINE, CALVES
    }

    public enum Equipment implements Vocabulary {
        NONE, FOAM_ROLLER, LACROSSE_BALL, DOUBLE_LACROSSE_BALL, MAT, WALL_OR_COUCH, BENCH_OR_BED, RESISTANCE_BAND,
        TOWEL_OR_STRAP, KNEE_PAD, BARBELL
    }

    /**
     * The position an exercise starts in, as its first steps put the person: the triage engine reads it (for example,
     * to leave out long holds lying flat on the back from 20 weeks of pregnancy) instead of the words of the steps.
     */
    public enum StartingPosition implements Vocabulary {
        LYING_ON_BACK, LYING_ON_FRONT, LYING_ON_SIDE, HANDS_AND_KNEES, HANDS_AND_FEET, KNEELING, SITTING, STANDING
    }

    /** What about a person rules an exercise out; the triage engine matches reports against these. */
    public enum ContraindicationCondition implements Vocabulary {
        PREGNANCY, ABDOMINAL_CONDITION, ACUTE_PAIN, HIP_SURGERY_OR_STRUCTURAL_ISSUE, KNEE_PAIN, LOW_BACK_PAIN,
        OUTER_HIP_PAIN
    }

    public enum BodyArea implements Vocabulary {
        FRONT_OF_HIP, GROIN, OUTER_HIP, FRONT_OF_THIGH, LOW_BACK, KNEE, BUTTOCK_SI, IT_BAND, WHOLE_HIP
    }

    public enum SymptomType implements Vocabulary {
        LOCAL, REFERRED, PERFORMANCE, RUNNER_SIGN
    }

    public enum CauseCategory implements Vocabulary {
        POSTURE, TRAINING, IMBALANCE, NERVOUS_SYSTEM, STABILITY, INJURY, FATIGUE, JOINT_HEALTH, FOOTWEAR, SLEEP,
        TECHNIQUE
    }

    public enum GuidanceTopic implements Vocabulary {
        RELIEF, AFTER_RUN, HYDRATION, GAIT, WORKSPACE
    }

    public enum ProtocolKind implements Vocabulary {
        SESSION, MOVEMENT_BREAKS, WARM_UP
    }

    public enum Audience implements Vocabulary {
        EVERYONE, RUNNER
    }
}
