package event

// Event types and sub-event types of ACLED (Armed Conflict Location & Event
// Data), whose names khabar writes so that its output sits beside ACLED's.
const (
	Battles               = "Battles"
	Explosions            = "Explosions/Remote violence"
	ViolenceCivilians     = "Violence against civilians"
	Protests              = "Protests"
	Riots                 = "Riots"
	StrategicDevelopments = "Strategic developments"

	ArmedClash  = "Armed clash"
	AirStrike   = "Air/drone strike"
	SuicideBomb = "Suicide bomb"
	IED         = "Remote explosive/landmine/IED"
	Shelling    = "Shelling/artillery/missile attack"
	Attack      = "Attack"
	Abduction   = "Abduction/forced disappearance"
	Arrests     = "Arrests"
	Agreement   = "Agreement"
)

// subType is a sub-event type's parent type and its rank: when one sentence
// holds triggers of several, the higher rank wins, because the more
// specific weapon or act is what ACLED codes ("an air strike killed five":
// an Air/drone strike, not an Armed clash). Arrests and other strategic
// developments rank below violence, so "killed one and detained two" is a
// clash with people captured.
type subType struct {
	typ  string
	rank int
}

var taxonomy = map[string]subType{
	SuicideBomb:                           {Explosions, 95},
	AirStrike:                             {Explosions, 90},
	IED:                                   {Explosions, 85},
	Shelling:                              {Explosions, 80},
	"Grenade":                             {Explosions, 75},
	"Chemical weapon":                     {Explosions, 75},
	"Government regains territory":        {Battles, 65},
	"Non-state actor overtakes territory": {Battles, 65},
	ArmedClash:                            {Battles, 60},
	Abduction:                             {ViolenceCivilians, 62},
	"Sexual violence":                     {ViolenceCivilians, 62},
	Attack:                                {ViolenceCivilians, 55},
	"Excessive force against protesters":  {Protests, 50},
	"Protest with intervention":           {Protests, 35},
	"Peaceful protest":                    {Protests, 30},
	"Violent demonstration":               {Riots, 40},
	"Mob violence":                        {Riots, 40},
	Agreement:                             {StrategicDevelopments, 22},
	Arrests:                               {StrategicDevelopments, 20},
	"Headquarters or base established":    {StrategicDevelopments, 18},
	"Looting/property destruction":        {StrategicDevelopments, 18},
	"Non-violent transfer of territory":   {StrategicDevelopments, 18},
	"Disrupted weapons use":               {StrategicDevelopments, 15},
	"Change to group/activity":            {StrategicDevelopments, 10},
	"Other":                               {StrategicDevelopments, 5},
}

// TypeOf returns the ACLED event type of a sub-event type, "" when it is
// not one.
func TypeOf(sub string) string { return taxonomy[sub].typ }

// violent reports whether a sub-event type is political violence, whose
// deaths make an incident of a sentence that has no trigger of its own.
func violent(sub string) bool {
	switch taxonomy[sub].typ {
	case Battles, Explosions, ViolenceCivilians:
		return true
	}
	return false
}
