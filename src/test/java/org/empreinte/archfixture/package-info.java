/**
 * Classes that break the package rules on purpose, so that PackageDependenciesTest can show each rule
 * reports what it forbids: a rule that passes on the real code proves nothing until it has failed once.
 * Nothing else uses them; the rules on the real code import only the main classes.
 */
package org.empreinte.archfixture;
