package cn.edu.xietong.operations;

import jakarta.ejb.Local;

import java.util.Properties;

/**
 * Starts a job by its XML name. Implemented in the batch module: JBeret creates a job's artefacts with the bean
 * manager of the module that calls {@code JobOperator.start}, so the start must happen where the artefacts live.
 */
@Local
public interface JobStarter {

    long start(String jobXmlName, Properties parameters);
}
