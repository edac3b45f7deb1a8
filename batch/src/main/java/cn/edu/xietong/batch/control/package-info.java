/** Job control from inside the batch module: the implementation of {@link cn.edu.xietong.operations.JobStarter} (C1). */
package cn.edu.xietong.batch.control;
